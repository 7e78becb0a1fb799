// The pages' one script: upload with progress, grading status polling, JSON forms against the API,
// and sizing the report frame. It talks only to this server; the session cookie goes along by itself.
'use strict';

function problemText(status, body) {
  try {
    const problem = JSON.parse(body);
    if (problem.errors) {
      return Object.entries(problem.errors).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
    }
    return problem.detail || problem.title || `The server answered ${status}.`;
  } catch {
    return `The server answered ${status}.`;
  }
}

function continueFromInvitation() {
  const form = document.querySelector('form[data-autosubmit]');
  if (form) {
    // The address holding the invite token leaves the history, then the token is posted back from
    // this origin (the server asks before replacing a different session already in this browser).
    history.replaceState(null, '', '/');
    form.submit();
  }
}

function wireUpload() {
  const form = document.getElementById('upload-form');
  if (!form) return;
  const progress = document.getElementById('upload-progress');
  const status = document.getElementById('upload-status');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) { status.textContent = 'Choose an archive first.'; return; }
    if (!/\.(zip|tar\.gz|tgz)$/i.test(file.name)) {
      status.textContent = `Not accepted: "${file.name}" is not a .zip or .tar.gz archive. Pack your service's folder (with its Dockerfile) and choose that file.`;
      return;
    }
    const button = form.querySelector('button');
    button.disabled = true;
    const request = new XMLHttpRequest();
    request.open('POST', form.getAttribute('action'));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('X-Upload-Name', encodeURIComponent(file.name));
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        const percent = Math.round(100 * e.loaded / e.total);
        progress.value = percent;
        progress.textContent = `${percent}%`;
        status.textContent = `Uploading: ${percent}%`;
      }
    });
    request.addEventListener('load', () => {
      button.disabled = false;
      if (request.status === 202) {
        progress.value = 100;
        status.textContent = 'Uploaded. Opening the grading status…';
        const submission = JSON.parse(request.responseText);
        window.location.assign(`/candidate/submissions/${encodeURIComponent(submission.id)}`);
      } else {
        status.textContent = `Not accepted: ${problemText(request.status, request.responseText)}`;
      }
    });
    request.addEventListener('error', () => {
      button.disabled = false;
      status.textContent = 'The upload failed: the connection was lost. Try again.';
    });
    request.send(file);
  });
}

function pollStatus() {
  const element = document.querySelector('[data-poll]');
  if (!element) return;
  const labels = { queued: 'queued: waiting for a grader', running: 'being graded' };
  const tick = async () => {
    try {
      const response = await fetch(element.dataset.poll, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const submission = await response.json();
        if (submission.state === 'finished' || submission.state === 'failed') {
          window.location.reload();
          return;
        }
        if (submission.state !== element.dataset.state) {
          element.dataset.state = submission.state;
          element.textContent = labels[submission.state] || submission.state;
        }
      }
    } catch {
      // A missed poll is retried on the next tick.
    }
    window.setTimeout(tick, 2000);
  };
  window.setTimeout(tick, 2000);
}

function wireJsonForms() {
  for (const form of document.querySelectorAll('form[data-json]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors = form.querySelector('[data-errors]');
      const body = {};
      for (const [name, value] of new FormData(form).entries()) body[name] = value;
      // data-array names fields typed as a comma-separated list that the API takes as an array.
      for (const name of (form.dataset.array || '').split(',').filter(Boolean)) body[name] = String(body[name] || '').split(',').map((v) => v.trim()).filter(Boolean);
      const button = form.querySelector('button');
      button.disabled = true;
      // Feedback while the request is out: the button says what is happening.
      const label = button.textContent;
      if (button.dataset.busy) button.textContent = button.dataset.busy;
      const status = form.querySelector('[data-busy-status]');
      if (status) status.textContent = '';
      try {
        const response = await fetch(form.getAttribute('action'), {
          method: form.dataset.method || 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
        });
        if (response.ok) {
          if (status) status.textContent = 'Done. Reloading…';
          window.location.reload();
          return;
        }
        button.textContent = label;
        errors.textContent = problemText(response.status, await response.text());
      } catch {
        button.textContent = label;
        errors.textContent = 'The request failed: the connection was lost. Try again.';
      }
      button.disabled = false;
    });
  }
}

// A calibration run under way: count its references as they finish, reload once all have.
function pollCalibration() {
  const element = document.querySelector('[data-poll-calibration]');
  if (!element) return;
  const progress = element.querySelector('[data-progress]');
  const tick = async () => {
    try {
      const response = await fetch(element.dataset.pollCalibration, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const run = await response.json();
        if (run.finished) {
          window.location.reload();
          return;
        }
        const done = run.entries.filter((e) => e.state === 'finished' || e.state === 'failed').length;
        const grading = run.entries.filter((e) => e.state === 'running').length;
        if (progress) progress.textContent = `${done} of ${run.entries.length} done, ${grading} grading now`;
      }
    } catch {
      // A missed poll is retried on the next tick.
    }
    window.setTimeout(tick, 3000);
  };
  window.setTimeout(tick, 3000);
}

function sizeReportFrame() {
  const frame = document.querySelector('iframe[data-autoheight]');
  if (!frame) return;
  const fit = () => {
    const document = frame.contentDocument;
    if (document && document.documentElement) {
      frame.style.height = `${document.documentElement.scrollHeight + 24}px`;
    }
  };
  frame.addEventListener('load', fit);
  fit();
}

document.addEventListener('DOMContentLoaded', () => {
  continueFromInvitation();
  wireUpload();
  pollStatus();
  wireJsonForms();
  sizeReportFrame();
  pollCalibration();
});
