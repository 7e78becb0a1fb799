package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

type outcomeKind int

const (
	paid outcomeKind = iota
	transient
	refused
)

func (k outcomeKind) String() string {
	return [...]string{"paid", "failed, to be retried", "refused"}[k]
}

type outcome struct {
	kind   outcomeKind
	reason string
}

// provider is the payments API. Every call for a job carries the job's id as Idempotency-Key, so
// however often a job is attempted (retries, restarts) it is paid once.
type provider struct {
	base   string
	client *http.Client
}

func newProvider(base string) *provider {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = workers
	return &provider{base: strings.TrimRight(base, "/"), client: &http.Client{Transport: transport}}
}

func (p *provider) pay(ctx context.Context, j job) outcome {
	body, _ := json.Marshal(map[string]any{"reference": j.Reference, "amountCents": j.AmountCents})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.base+"/payments", bytes.NewReader(body))
	if err != nil {
		return outcome{refused, err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", "job-"+j.ID)
	// The trace of the request that submitted the job continues here, one new span per attempt.
	req.Header.Set("traceparent", "00-"+j.TraceID+"-"+randomHex(8)+"-01")

	res, err := p.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return outcome{transient, fmt.Sprintf("the provider did not answer within %s", attemptTimeout)}
		}
		return outcome{transient, "the provider could not be reached: " + err.Error()}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	res.Body.Close()

	switch code := res.StatusCode; {
	case code == http.StatusOK || code == http.StatusCreated:
		return outcome{kind: paid}
	case code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500:
		return outcome{transient, fmt.Sprintf("the provider answered %d", code)}
	default:
		return outcome{refused, fmt.Sprintf("the provider refused the payment with %d", code)}
	}
}

