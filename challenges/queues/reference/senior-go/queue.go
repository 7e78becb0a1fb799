package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sort"
	"sync"
	"time"
)

const capacity = 100 // unfinished jobs held at most; beyond it submissions are refused

var (
	errFull     = errors.New("too many unfinished jobs")
	errDraining = errors.New("the service is shutting down")
	errKeyReuse = errors.New("idempotency key used for a different job")
)

// admission is one submission under an Idempotency-Key. Repeats of the key wait on stored, so none of
// them can answer before the first submission is on disk (or has failed to get there).
type admission struct {
	job    job
	stored chan struct{}
	err    error
}

// queue owns every job: admission (capacity, idempotent submissions), the in-memory view, and the
// channel through which ready jobs reach the workers. Every change is journalled before it shows.
type queue struct {
	mu       sync.Mutex
	jobs     map[string]job
	order    []string // creation order, oldest first
	byKey    map[string]*admission
	open     int
	seq      int64
	draining bool

	journal *journal
	ready   chan string
}

func newQueue(j *journal, stored []job) *queue {
	q := &queue{jobs: map[string]job{}, byKey: map[string]*admission{}, journal: j, ready: make(chan string, 4*capacity)}
	for _, s := range stored {
		q.jobs[s.ID] = s
		q.order = append(q.order, s.ID)
		if s.Seq > q.seq {
			q.seq = s.Seq
		}
		if s.IdempotencyKey != "" {
			done := make(chan struct{})
			close(done)
			q.byKey[s.IdempotencyKey] = &admission{job: s, stored: done}
		}
		if !s.finished() {
			q.open++
		}
	}
	return q
}

// resume puts back every unfinished job found on disk: one interrupted mid-call ("processing") goes
// again at once with the same payment key; one waiting for a retry keeps its due time.
func (q *queue) resume() {
	for _, id := range q.order {
		j := q.jobs[id]
		switch {
		case j.finished():
		case j.Status == statusQueued && j.RetryAt != nil:
			q.retryAt(id, *j.RetryAt)
		default:
			q.enqueue(id)
		}
	}
}

// submit stores a new job, or returns the one an earlier submission with the same key created
// (repeated is then true).
func (q *queue) submit(reference string, amount int64, key, traceID string) (j job, repeated bool, err error) {
	q.mu.Lock()
	if earlier, ok := q.byKey[key]; ok && key != "" {
		q.mu.Unlock()
		<-earlier.stored
		if earlier.err != nil {
			return job{}, false, earlier.err
		}
		if earlier.job.Reference != reference || earlier.job.AmountCents != amount {
			return job{}, false, errKeyReuse
		}
		current, _ := q.find(earlier.job.ID)
		return current, true, nil
	}
	if q.draining {
		q.mu.Unlock()
		return job{}, false, errDraining
	}
	if q.open >= capacity {
		q.mu.Unlock()
		return job{}, false, errFull
	}
	now := time.Now().UTC()
	q.seq++
	j = job{ID: newID(), Seq: q.seq, Reference: reference, AmountCents: amount, Status: statusQueued,
		CreatedAt: now, UpdatedAt: now, IdempotencyKey: key, TraceID: traceID}
	a := &admission{job: j, stored: make(chan struct{})}
	q.jobs[j.ID] = j
	q.order = append(q.order, j.ID)
	q.open++
	if key != "" {
		q.byKey[key] = a
	}
	q.mu.Unlock()

	// Outside the lock: the journal batches this line with those of concurrent submissions.
	a.err = q.journal.append(j)
	close(a.stored)
	if a.err != nil {
		q.forget(j)
		return job{}, false, a.err
	}
	q.enqueue(j.ID)
	return j, false, nil
}

// forget takes back a job that never reached the disk: it was never accepted.
func (q *queue) forget(j job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.jobs, j.ID)
	for i := len(q.order) - 1; i >= 0; i-- {
		if q.order[i] == j.ID {
			q.order = append(q.order[:i], q.order[i+1:]...)
			break
		}
	}
	if q.byKey[j.IdempotencyKey] != nil && q.byKey[j.IdempotencyKey].job.ID == j.ID {
		delete(q.byKey, j.IdempotencyKey)
	}
	q.open--
}

// save journals a new snapshot of a job, then makes it the current one.
func (q *queue) save(j job) error {
	if err := q.journal.append(j); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.jobs[j.ID].finished() && j.finished() {
		q.open--
	}
	q.jobs[j.ID] = j
	return nil
}

func (q *queue) find(id string) (j job, found bool) {
	q.mu.Lock()
	j, found = q.jobs[id]
	q.mu.Unlock()
	return
}

// newest walks back from the latest job, so a page costs what it shows, not the whole history.
func (q *queue) newest(status string, limit int) []job {
	q.mu.Lock()
	defer q.mu.Unlock()
	page := make([]job, 0, limit)
	for i := len(q.order) - 1; i >= 0 && len(page) < limit; i-- {
		if j := q.jobs[q.order[i]]; status == "" || j.Status == status {
			page = append(page, j)
		}
	}
	return page
}

func (q *queue) deadLetters() []job {
	q.mu.Lock()
	var dead []job
	for _, j := range q.jobs {
		if j.Status == statusDeadLettered {
			dead = append(dead, j)
		}
	}
	q.mu.Unlock()
	sort.Slice(dead, func(a, b int) bool {
		if !dead[a].UpdatedAt.Equal(dead[b].UpdatedAt) {
			return dead[a].UpdatedAt.After(dead[b].UpdatedAt)
		}
		return dead[a].Seq > dead[b].Seq
	})
	return dead
}

func (q *queue) counts() (open int, byStatus map[string]int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	byStatus = map[string]int{}
	for _, j := range q.jobs {
		byStatus[j.Status]++
	}
	return q.open, byStatus
}

func (q *queue) stopAdmitting() {
	q.mu.Lock()
	q.draining = true
	q.mu.Unlock()
}

func (q *queue) isDraining() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.draining
}

// enqueue hands a job to the workers. The channel has room for every unfinished job, so this only
// blocks if something is badly wrong; a goroutine then waits rather than the caller.
func (q *queue) enqueue(id string) {
	select {
	case q.ready <- id:
	default:
		go func() { q.ready <- id }()
	}
}

// retryAt makes a job ready again when its backoff is over; no worker waits for it meanwhile.
func (q *queue) retryAt(id string, due time.Time) {
	time.AfterFunc(time.Until(due), func() { q.enqueue(id) })
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
