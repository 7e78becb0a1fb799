package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// logger writes one JSON object per line, the shape log collectors parse without configuration.
type logger struct {
	mu  sync.Mutex
	out io.Writer
}

type field struct {
	key   string
	value any
}

func newLogger(out io.Writer) *logger { return &logger{out: out} }

func (l *logger) info(message string, fields ...field)  { l.write("info", message, fields) }
func (l *logger) error(message string, fields ...field) { l.write("error", message, fields) }

func (l *logger) write(level, message string, fields []field) {
	entry := map[string]any{"timestamp": time.Now().UTC().Format(time.RFC3339Nano), "level": level, "message": message}
	for _, f := range fields {
		entry[f.key] = f.value
	}
	line, _ := json.Marshal(entry)
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = l.out.Write(append(line, '\n'))
}

// requestMetrics counts requests and their total duration by method, route template and status.
type requestMetrics struct {
	mu     sync.Mutex
	series map[seriesKey]*seriesValue
}

type seriesKey struct {
	method, route string
	status        int
}

type seriesValue struct {
	count   int64
	seconds float64
}

func newRequestMetrics() *requestMetrics { return &requestMetrics{series: map[seriesKey]*seriesValue{}} }

func (m *requestMetrics) record(k seriesKey, elapsed time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.series[k]
	if !ok {
		v = &seriesValue{}
		m.series[k] = v
	}
	v.count++
	v.seconds += elapsed.Seconds()
}

func (m *requestMetrics) serve(w http.ResponseWriter) {
	m.mu.Lock()
	keys := make([]seriesKey, 0, len(m.series))
	values := map[seriesKey]seriesValue{}
	for k, v := range m.series {
		keys = append(keys, k)
		values[k] = *v
	}
	m.mu.Unlock()
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})

	var b strings.Builder
	b.WriteString("# HELP http_requests_total HTTP requests served, by method, route and status.\n# TYPE http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "http_requests_total{method=%q,route=%q,status=\"%d\"} %d\n", k.method, k.route, k.status, values[k].count)
	}
	b.WriteString("# HELP http_request_duration_seconds_total Time spent serving HTTP requests.\n# TYPE http_request_duration_seconds_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "http_request_duration_seconds_total{method=%q,route=%q,status=\"%d\"} %g\n", k.method, k.route, k.status, values[k].seconds)
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, _ = io.WriteString(w, b.String())
}

// statusRecorder remembers the status a handler wrote, for the log line and the metrics.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(status int) {
	s.status = status
	s.ResponseWriter.WriteHeader(status)
}

type routeKey struct{}

// setRoute names the route template a request matched, so that metrics do not get one series per id.
func setRoute(r *http.Request, route string) {
	if slot, ok := r.Context().Value(routeKey{}).(*string); ok {
		*slot = route
	}
}

var traceparent = regexp.MustCompile(`^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$`)

// observe continues the caller's W3C trace (or starts one), tells the caller in traceresponse, and
// logs and counts every request.
func observe(log *logger, metrics *requestMetrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started := time.Now()
		traceID, flags := randomHex(16), "01"
		if m := traceparent.FindStringSubmatch(r.Header.Get("traceparent")); m != nil && m[1] != strings.Repeat("0", 32) {
			traceID, flags = m[1], m[2]
		}
		spanID := randomHex(8)
		w.Header().Set("traceresponse", "00-"+traceID+"-"+spanID+"-"+flags)

		route := "unmatched"
		switch r.URL.Path {
		case "/health", "/health/ready", "/metrics", "/openapi.json":
			route = r.URL.Path
		}
		r = r.WithContext(context.WithValue(r.Context(), routeKey{}, &route))
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)

		elapsed := time.Since(started)
		metrics.record(seriesKey{method: r.Method, route: route, status: rec.status}, elapsed)
		log.info("request handled",
			field{"method", r.Method}, field{"route", route}, field{"status", rec.status},
			field{"elapsedMs", float64(elapsed.Microseconds()) / 1000}, field{"traceId", traceID}, field{"spanId", spanID})
	})
}

func randomHex(bytes int) string {
	b := make([]byte, bytes)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
