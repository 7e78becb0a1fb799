package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// jsonLog writes one JSON object per line to stdout: time, level, message, then key/value pairs.
type jsonLog struct {
	mu  sync.Mutex
	out io.Writer
}

func (l *jsonLog) write(level, message string, pairs ...any) {
	record := make(map[string]any, 3+len(pairs)/2)
	record["time"] = time.Now().UTC().Format(time.RFC3339Nano)
	record["level"] = level
	record["msg"] = message
	for i := 0; i+1 < len(pairs); i += 2 {
		record[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	line, _ := json.Marshal(record)
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = l.out.Write(append(line, '\n'))
}

var stdoutLog = &jsonLog{out: os.Stdout}

// stats are the service's Prometheus metrics: HTTP requests by path group and status, jobs accepted and
// refused, payment attempts by outcome, and the jobs held by status.
type stats struct {
	queue *queue

	mu       sync.Mutex
	requests map[string]uint64 // by the series' labels, rendered once

	jobsAccepted, jobsRefused atomic.Uint64
	attempts                  [3]atomic.Uint64
}

func (s *stats) accepted()               { s.jobsAccepted.Add(1) }
func (s *stats) refused()                { s.jobsRefused.Add(1) }
func (s *stats) attempt(kind outcomeKind) { s.attempts[kind].Add(1) }

func (s *stats) request(method, path string, status int) {
	s.mu.Lock()
	s.requests[fmt.Sprintf(`method=%q,path=%q,code="%d"`, method, path, status)]++
	s.mu.Unlock()
}

func (s *stats) render(w http.ResponseWriter, _ *http.Request) {
	var out strings.Builder
	out.WriteString("# HELP payment_jobs_http_requests_total HTTP requests answered.\n# TYPE payment_jobs_http_requests_total counter\n")
	s.mu.Lock()
	series := make([]string, 0, len(s.requests))
	for labels, count := range s.requests {
		series = append(series, fmt.Sprintf("payment_jobs_http_requests_total{%s} %d\n", labels, count))
	}
	s.mu.Unlock()
	sort.Strings(series)
	out.WriteString(strings.Join(series, ""))

	fmt.Fprintf(&out, "# HELP payment_jobs_submissions_total Job submissions by result.\n# TYPE payment_jobs_submissions_total counter\n")
	fmt.Fprintf(&out, "payment_jobs_submissions_total{result=\"accepted\"} %d\n", s.jobsAccepted.Load())
	fmt.Fprintf(&out, "payment_jobs_submissions_total{result=\"refused\"} %d\n", s.jobsRefused.Load())
	fmt.Fprintf(&out, "# HELP payment_jobs_attempts_total Calls to the payments provider by outcome.\n# TYPE payment_jobs_attempts_total counter\n")
	for kind, name := range []string{"paid", "transient", "refused"} {
		fmt.Fprintf(&out, "payment_jobs_attempts_total{outcome=\"%s\"} %d\n", name, s.attempts[kind].Load())
	}
	open, byStatus := s.queue.counts()
	fmt.Fprintf(&out, "# HELP payment_jobs_unfinished Jobs queued or processing (capacity %d).\n# TYPE payment_jobs_unfinished gauge\npayment_jobs_unfinished %d\n", capacity, open)
	fmt.Fprintf(&out, "# HELP payment_jobs Jobs held, by status.\n# TYPE payment_jobs gauge\n")
	for _, status := range statuses {
		fmt.Fprintf(&out, "payment_jobs{status=\"%s\"} %d\n", status, byStatus[status])
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	_, _ = io.WriteString(w, out.String())
}

// pathGroup keeps the metric's labels few: every /jobs/{id} counts as one path.
func pathGroup(path string) string {
	switch {
	case strings.HasPrefix(path, "/jobs/"):
		return "/jobs/{id}"
	case path == "/jobs", path == "/dead-letters", path == "/metrics", strings.HasPrefix(path, "/health/"):
		return path
	default:
		return "other"
	}
}

type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

// counted records every request in the metrics; probes and scrapes are not logged, to keep logs useful.
func counted(s *stats, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &recorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)
		s.request(r.Method, pathGroup(r.URL.Path), rec.code)
	})
}

// traceOf is the trace id of a valid W3C traceparent, or a new one: the job carries it to the provider.
func traceOf(r *http.Request) string {
	parts := strings.Split(strings.TrimSpace(r.Header.Get("traceparent")), "-")
	if len(parts) == 4 && len(parts[1]) == 32 && isLowerHex(parts[1]) && parts[1] != strings.Repeat("0", 32) {
		return parts[1]
	}
	return randomHex(16)
}

func isLowerHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
