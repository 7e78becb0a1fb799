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

// Hundreds of candidates may leave a status page open while gradings wait in the queue: each page
// asks after 2 s, then half as long again each time nothing changed, up to every 30 s; a change
// (queued to running) starts again at 2 s, since the next one tends to follow soon. A missed answer
// counts as no change. `observe` answers 'done' (stop: the page reloads itself), 'changed' or 'same'.
const pollBackoff = { firstMs: 2000, growth: 1.5, longestMs: 30000 };

function pollWithBackoff(url, observe, longestMs = pollBackoff.longestMs) {
  let wait = pollBackoff.firstMs;
  const tick = async () => {
    let seen = 'same';
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.ok) seen = observe(await response.json());
    } catch {
      // A lost connection is asked again later, like an unchanged answer.
    }
    if (seen === 'done') return;
    wait = seen === 'changed' ? pollBackoff.firstMs : Math.min(longestMs, Math.round(wait * pollBackoff.growth));
    window.setTimeout(tick, wait);
  };
  window.setTimeout(tick, wait);
}

function pollStatus() {
  const element = document.querySelector('[data-poll]');
  if (!element) return;
  const labels = { queued: 'queued: waiting for a grader', running: 'being graded' };
  pollWithBackoff(element.dataset.poll, (submission) => {
    if (submission.state === 'finished' || submission.state === 'failed') {
      window.location.reload();
      return 'done';
    }
    if (submission.state === element.dataset.state) return 'same';
    element.dataset.state = submission.state;
    element.textContent = labels[submission.state] || submission.state;
    return 'changed';
  });
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

// A calibration run under way: count its references as they finish, reload once all have. Polled
// with the same backoff but at least every 8 s: a few interviewers watch it, and a run is short.
function pollCalibration() {
  const element = document.querySelector('[data-poll-calibration]');
  if (!element) return;
  const progress = element.querySelector('[data-progress]');
  let shown = '';
  pollWithBackoff(element.dataset.pollCalibration, (run) => {
    if (run.finished) {
      window.location.reload();
      return 'done';
    }
    const done = run.entries.filter((e) => e.state === 'finished' || e.state === 'failed').length;
    const grading = run.entries.filter((e) => e.state === 'running').length;
    const text = `${done} of ${run.entries.length} done, ${grading} grading now`;
    if (progress) progress.textContent = text;
    const changed = shown !== '' && text !== shown;
    shown = text;
    return changed ? 'changed' : 'same';
  }, 8000);
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
