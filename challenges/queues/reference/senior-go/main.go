// Reference solution in Go (expected level: senior) for the Payment Jobs challenge. A job is journalled
// (fsync) before its 202; four workers pay jobs with the job's own Idempotency-Key, so retries and
// restarts never pay twice; transient failures back off exponentially with jitter off the workers'
// time, up to six attempts, then dead-letter; at most 100 unfinished jobs are held; SIGTERM stops
// intake, lets calls in flight finish, and exits 0. Logs are JSON lines, /metrics is Prometheus text,
// and the submitter's trace reaches the provider. Standard library only.
package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

func main() {
	log := stdoutLog
	journal, stored, err := openJournal(envOr("DATA_DIR", "/data"))
	if err != nil {
		log.write("error", "cannot open the job journal", "error", err.Error())
		os.Exit(1)
	}
	q := newQueue(journal, stored)
	st := &stats{queue: q, requests: map[string]uint64{}}
	log.write("info", "journal replayed", "jobs", len(stored), "unfinished", q.open)

	stopping, stopWorkers := context.WithCancel(context.Background())
	abandon, abandonCalls := context.WithCancel(context.Background())
	work := (&dispatcher{queue: q, provider: newProvider(envOr("UPSTREAM_URL", "http://localhost:9000")), log: log, stats: st}).run(stopping, abandon)
	q.resume()

	server := &http.Server{
		Addr:              ":" + envOr("PORT", "8080"),
		Handler:           counted(st, (&api{queue: q, log: log, stats: st}).routes()),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.write("error", "server stopped", "error", err.Error())
			os.Exit(1)
		}
	}()
	log.write("info", "listening", "addr", server.Addr)

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	<-signals
	drain(log, q, server, work, stopWorkers, abandonCalls)
}

// drain runs the shutdown within the 10 s an orchestrator grants: intake closes (POST /jobs answers
// 503 with Retry-After), workers take no new job, calls in flight get up to 6 s to finish and be
// recorded, and anything still unfinished stays in the journal for the next start.
func drain(log *jsonLog, q *queue, server *http.Server, work *sync.WaitGroup, stopWorkers, abandonCalls context.CancelFunc) {
	log.write("info", "SIGTERM: draining")
	q.stopAdmitting()
	stopWorkers()

	finished := make(chan struct{})
	go func() { work.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(6 * time.Second):
		abandonCalls()
		<-finished
	}

	closing, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = server.Shutdown(closing)
	log.write("info", "stopped")
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
