package main

import (
	"context"
	"math/rand"
	"sync"
	"time"
)

const (
	workers        = 4 // also the ceiling on concurrent calls to the provider
	maxAttempts    = 6
	firstBackoff   = 300 * time.Millisecond
	maxBackoff     = 5 * time.Second
	attemptTimeout = 4 * time.Second
)

// backoff doubles from firstBackoff, capped, and draws the wait from its upper half, so that jobs that
// failed together do not return to a recovering provider together.
func backoff(attemptsSoFar int) time.Duration {
	d := firstBackoff << (attemptsSoFar - 1)
	if d > maxBackoff || d <= 0 {
		d = maxBackoff
	}
	return d/2 + time.Duration(rand.Int63n(int64(d/2)+1))
}

type dispatcher struct {
	queue    *queue
	provider *provider
	log      *jsonLog
	stats    *stats
}

// run starts the workers. They stop taking jobs when stopping is done; an attempt in flight keeps going
// until it ends or abandon is done, whichever comes first. The returned group ends when all have.
func (d *dispatcher) run(stopping, abandon context.Context) *sync.WaitGroup {
	var group sync.WaitGroup
	for i := 0; i < workers; i++ {
		group.Add(1)
		go func() {
			defer group.Done()
			for {
				select {
				case <-stopping.Done():
					return
				case id := <-d.queue.ready:
					d.attempt(abandon, id)
				}
			}
		}()
	}
	return &group
}

func (d *dispatcher) attempt(abandon context.Context, id string) {
	j, ok := d.queue.find(id)
	if !ok || j.finished() {
		return
	}
	// The attempt is on disk before the call: a crash mid-call still counts it, and the attempt after
	// the restart carries the same payment key, so the provider pays at most once.
	j.Status, j.Attempts, j.RetryAt, j.UpdatedAt = statusProcessing, j.Attempts+1, nil, time.Now().UTC()
	if err := d.queue.save(j); err != nil {
		d.log.write("error", "could not record an attempt; the job waits for a restart", "jobId", j.ID, "error", err.Error())
		return
	}

	call, cancel := context.WithTimeout(abandon, attemptTimeout)
	result := d.provider.pay(call, j)
	cancel()
	if abandon.Err() != nil && result.kind != paid {
		// Shutting down mid-call: leave the job "processing" on disk; the restart tries it again.
		d.log.write("warn", "attempt abandoned at shutdown", "jobId", j.ID, "traceId", j.TraceID)
		return
	}
	d.stats.attempt(result.kind)

	now := time.Now().UTC()
	j.UpdatedAt = now
	switch {
	case result.kind == paid:
		j.Status, j.LastError = statusSucceeded, nil
	case result.kind == refused:
		j.Status, j.LastError = statusFailed, &result.reason
	case j.Attempts < maxAttempts:
		due := now.Add(backoff(j.Attempts))
		j.Status, j.LastError, j.RetryAt = statusQueued, &result.reason, &due
	default:
		j.Status, j.LastError = statusDeadLettered, &result.reason
	}
	if err := d.queue.save(j); err != nil {
		d.log.write("error", "could not record an outcome; the job is retried after a restart", "jobId", j.ID, "error", err.Error())
		return
	}
	if j.RetryAt != nil {
		d.queue.retryAt(j.ID, *j.RetryAt)
	}
	d.log.write(levelOf(j.Status), "payment attempt "+result.kind.String(),
		"jobId", j.ID, "reference", j.Reference, "attempts", j.Attempts, "status", j.Status, "reason", result.reason, "traceId", j.TraceID)
}

func levelOf(status string) string {
	switch status {
	case statusSucceeded:
		return "info"
	case statusDeadLettered:
		return "error"
	default:
		return "warn"
	}
}
