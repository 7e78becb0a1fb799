package main

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// clientLimits allows each client (X-Client-Id) a fixed number of requests per window. Requests
// without the header come from inside the platform and pass. Each client has its own counter, and the
// lock is held only to bump it, so a greedy client costs the others nothing.
type clientLimits struct {
	mu      sync.Mutex
	perWin  int
	window  time.Duration
	clients map[string]*fixedWindow
	swept   time.Time
}

type fixedWindow struct {
	start time.Time
	used  int
}

func newClientLimits(perWindow int, window time.Duration) *clientLimits {
	return &clientLimits{perWin: perWindow, window: window, clients: map[string]*fixedWindow{}, swept: time.Now()}
}

// admit answers 429 with Retry-After and returns false when the client is over its limit.
func (l *clientLimits) admit(w http.ResponseWriter, r *http.Request) bool {
	client := r.Header.Get("X-Client-Id")
	if client == "" {
		return true
	}
	wait, ok := l.take(client, time.Now())
	if ok {
		return true
	}
	seconds := int((wait + time.Second - 1) / time.Second)
	if seconds < 1 {
		seconds = 1
	}
	w.Header().Set("Retry-After", strconv.Itoa(seconds))
	writeProblem(w, problem{Status: http.StatusTooManyRequests, Title: "Too many requests",
		Detail: "This client made more than " + strconv.Itoa(l.perWin) + " requests in a second; try again in " + strconv.Itoa(seconds) + " s."})
	return false
}

func (l *clientLimits) take(client string, now time.Time) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	win, ok := l.clients[client]
	if !ok || now.Sub(win.start) >= l.window {
		win = &fixedWindow{start: now}
		l.clients[client] = win
	}
	if win.used >= l.perWin {
		return win.start.Add(l.window).Sub(now), false
	}
	win.used++
	return 0, true
}

// sweep forgets clients whose window has long passed, so that many one-off client ids cannot grow
// the map without bound.
func (l *clientLimits) sweep(now time.Time) {
	if now.Sub(l.swept) < time.Minute {
		return
	}
	for id, win := range l.clients {
		if now.Sub(win.start) >= l.window {
			delete(l.clients, id)
		}
	}
	l.swept = now
}
