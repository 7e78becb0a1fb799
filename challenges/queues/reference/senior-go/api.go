package main

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

const retryAfterSeconds = "2"

type api struct {
	queue *queue
	log   *jsonLog
	stats *stats
}

func (a *api) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/jobs", methods{"GET": a.list, "POST": a.submit}.serve)
	mux.HandleFunc("/jobs/", methods{"GET": a.read}.serve)
	mux.HandleFunc("/dead-letters", methods{"GET": a.deadLetters}.serve)
	mux.HandleFunc("/health/live", methods{"GET": func(w http.ResponseWriter, _ *http.Request) {
		sendJSON(w, map[string]string{"status": "alive"}, http.StatusOK)
	}}.serve)
	mux.HandleFunc("/health/ready", methods{"GET": a.ready}.serve)
	mux.HandleFunc("/metrics", methods{"GET": a.stats.render}.serve)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		sendProblem(w, http.StatusNotFound, "Not found", "No resource at "+r.URL.Path+".", nil)
	})
	return mux
}

// methods maps the methods one path answers to their handlers; any other method gets 405 with Allow.
type methods map[string]http.HandlerFunc

func (m methods) serve(w http.ResponseWriter, r *http.Request) {
	if handle, ok := m[r.Method]; ok {
		handle(w, r)
		return
	}
	var allow []string
	for _, method := range [...]string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		if m[method] != nil {
			allow = append(allow, method)
		}
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	sendProblem(w, http.StatusMethodNotAllowed, "Method not allowed", "", nil)
}

func (a *api) submit(w http.ResponseWriter, r *http.Request) {
	if ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || ct != "application/json" {
		sendProblem(w, http.StatusUnsupportedMediaType, "Send the job as application/json", "", nil)
		return
	}
	reference, amount, invalid := readJobRequest(io.LimitReader(r.Body, 16<<10))
	key, keySent := "", len(r.Header.Values("Idempotency-Key")) > 0
	if keySent {
		key = r.Header.Get("Idempotency-Key")
		if key == "" || len(key) > 200 {
			invalid["Idempotency-Key"] = []string{"when sent, 1 to 200 characters"}
		}
	}
	if len(invalid) > 0 {
		sendProblem(w, http.StatusBadRequest, "The job is invalid", "", invalid)
		return
	}

	j, repeated, err := a.queue.submit(reference, amount, key, traceOf(r))
	switch {
	case errors.Is(err, errKeyReuse):
		sendProblem(w, http.StatusUnprocessableEntity, "This Idempotency-Key was used for a different job", "", nil)
	case errors.Is(err, errFull), errors.Is(err, errDraining):
		a.stats.refused()
		w.Header().Set("Retry-After", retryAfterSeconds)
		sendProblem(w, http.StatusServiceUnavailable, "Not taking jobs right now", err.Error()+"; try again after Retry-After seconds.", nil)
	case err != nil:
		a.log.write("error", "job could not be stored", "error", err.Error())
		w.Header().Set("Retry-After", retryAfterSeconds)
		sendProblem(w, http.StatusServiceUnavailable, "The job could not be stored", "", nil)
	case repeated:
		sendJSON(w, j.view(), http.StatusOK)
	default:
		a.stats.accepted()
		a.log.write("info", "job accepted", "jobId", j.ID, "reference", j.Reference, "traceId", j.TraceID)
		w.Header().Set("Location", "/jobs/"+j.ID)
		sendJSON(w, j.view(), http.StatusAccepted)
	}
}

// readJobRequest checks the body field by field, so that every invalid field is named at once and a
// number sent as a string or with a fraction is refused rather than coerced.
func readJobRequest(body io.Reader) (string, int64, map[string][]string) {
	invalid := map[string][]string{}
	var fields map[string]json.RawMessage
	if err := json.NewDecoder(body).Decode(&fields); err != nil || fields == nil {
		invalid["body"] = []string{"a JSON object with reference and amountCents"}
		return "", 0, invalid
	}
	var reference string
	if raw, ok := fields["reference"]; !ok || json.Unmarshal(raw, &reference) != nil || reference == "" || utf8.RuneCountInString(reference) > 64 {
		invalid["reference"] = []string{"required, a string of 1 to 64 characters"}
	}
	var amount int64
	if raw, ok := fields["amountCents"]; !ok || json.Unmarshal(raw, &amount) != nil || amount < 1 || amount > 100_000_000 {
		invalid["amountCents"] = []string{"required, a whole number from 1 to 100000000"}
	}
	return reference, amount, invalid
}

func (a *api) read(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/jobs/")
	j, ok := a.queue.find(id)
	if !ok {
		sendProblem(w, http.StatusNotFound, "No such job", "There is no job "+strconv.Quote(id)+".", nil)
		return
	}
	sendJSON(w, j.view(), http.StatusOK)
}

func (a *api) list(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	invalid := map[string][]string{}
	limit := 20
	if raw := query.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > 100 {
			invalid["limit"] = []string{"a whole number from 1 to 100"}
		}
		limit = n
	}
	status := query.Get("status")
	if status != "" && !isStatus(status) {
		invalid["status"] = []string{"one of queued, processing, succeeded, failed, dead-lettered"}
	}
	if len(invalid) > 0 {
		sendProblem(w, http.StatusBadRequest, "The query is invalid", "", invalid)
		return
	}
	sendJSON(w, map[string][]jobView{"items": views(a.queue.newest(status, limit))}, http.StatusOK)
}

func (a *api) deadLetters(w http.ResponseWriter, _ *http.Request) {
	sendJSON(w, map[string][]jobView{"items": views(a.queue.deadLetters())}, http.StatusOK)
}

// ready turns 503 once shutdown begins, so that a load balancer stops sending jobs here first.
func (a *api) ready(w http.ResponseWriter, _ *http.Request) {
	if a.queue.isDraining() {
		sendProblem(w, http.StatusServiceUnavailable, "Shutting down", "", nil)
		return
	}
	sendJSON(w, map[string]string{"status": "ready"}, http.StatusOK)
}

func sendJSON(w http.ResponseWriter, v any, status int) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"title":"could not encode the response","status":500}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// sendProblem answers with an RFC 9457 problem document; invalid, when given, names each bad field.
func sendProblem(w http.ResponseWriter, status int, title, detail string, invalid map[string][]string) {
	doc := map[string]any{"type": "about:blank", "title": title, "status": status}
	if detail != "" {
		doc["detail"] = detail
	}
	if invalid != nil {
		doc["errors"] = invalid
	}
	body, _ := json.Marshal(doc)
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
