package main

import "time"

// Job statuses, as the contract spells them.
const (
	statusQueued       = "queued"
	statusProcessing   = "processing"
	statusSucceeded    = "succeeded"
	statusFailed       = "failed"
	statusDeadLettered = "dead-lettered"
)

// statuses in the order a job goes through them; metrics list them so.
var statuses = [...]string{statusQueued, statusProcessing, statusSucceeded, statusFailed, statusDeadLettered}

func isStatus(s string) bool {
	for _, known := range statuses {
		if s == known {
			return true
		}
	}
	return false
}

// job is what the journal keeps: the public fields plus what a restart needs to carry on exactly where
// it stopped (the order, the retry due time, the submission key, the caller's trace).
type job struct {
	ID             string     `json:"id"`
	Seq            int64      `json:"seq"`
	Reference      string     `json:"reference"`
	AmountCents    int64      `json:"amountCents"`
	Status         string     `json:"status"`
	Attempts       int        `json:"attempts"`
	CreatedAt      time.Time  `json:"createdAt"`
	UpdatedAt      time.Time  `json:"updatedAt"`
	LastError      *string    `json:"lastError"`
	RetryAt        *time.Time `json:"retryAt,omitempty"`
	IdempotencyKey string     `json:"idempotencyKey,omitempty"`
	TraceID        string     `json:"traceId"`
}

func (j job) finished() bool {
	return j.Status == statusSucceeded || j.Status == statusFailed || j.Status == statusDeadLettered
}

// jobView is the job as clients see it.
type jobView struct {
	ID          string    `json:"id"`
	Reference   string    `json:"reference"`
	AmountCents int64     `json:"amountCents"`
	Status      string    `json:"status"`
	Attempts    int       `json:"attempts"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
	LastError   *string   `json:"lastError"`
}

func (j job) view() jobView {
	return jobView{j.ID, j.Reference, j.AmountCents, j.Status, j.Attempts, j.CreatedAt, j.UpdatedAt, j.LastError}
}

func views(jobs []job) []jobView {
	out := make([]jobView, len(jobs))
	for i, j := range jobs {
		out[i] = j.view()
	}
	return out
}
