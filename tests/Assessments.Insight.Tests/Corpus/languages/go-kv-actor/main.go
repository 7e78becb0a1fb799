/*
Key-value service where a single goroutine owns the data and handlers talk to it over a channel,
so no lock is needed. Entries carry an expiry; a ticker asks the owner to drop stale ones.
*/
package main

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"
)

type op int

const (
	opRead op = iota
	opWrite
	opDelete
	opSweep
)

type command struct {
	kind   op
	name   string
	value  []byte
	ttl    time.Duration
	answer chan result
}

type result struct {
	value []byte
	found bool
}

type item struct {
	value   []byte
	expires time.Time
}

func owner(commands <-chan command) {
	items := map[string]item{}
	for c := range commands {
		now := time.Now()
		switch c.kind {
		case opRead:
			it, found := items[c.name]
			if found && !it.expires.IsZero() && now.After(it.expires) {
				delete(items, c.name)
				found = false
			}
			c.answer <- result{it.value, found}
		case opWrite:
			var expires time.Time
			if c.ttl > 0 {
				expires = now.Add(c.ttl)
			}
			items[c.name] = item{c.value, expires}
			c.answer <- result{found: true}
		case opDelete:
			_, found := items[c.name]
			delete(items, c.name)
			c.answer <- result{found: found}
		case opSweep:
			for name, it := range items {
				if !it.expires.IsZero() && now.After(it.expires) {
					delete(items, name)
				}
			}
		}
	}
}

func ask(commands chan<- command, c command) result {
	c.answer = make(chan result, 1)
	commands <- c
	return <-c.answer
}

func main() {
	commands := make(chan command)
	go owner(commands)
	go func() {
		for range time.Tick(30 * time.Second) {
			commands <- command{kind: opSweep}
		}
	}()

	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"status":"ok"}`)
	})
	http.HandleFunc("/kv/", func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Path[len("/kv/"):]
		if name == "" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		switch r.Method {
		case "GET":
			res := ask(commands, command{kind: opRead, name: name})
			if !res.found {
				w.WriteHeader(404)
				return
			}
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(res.value)
		case "PUT":
			body := make([]byte, 0, 512)
			buf := make([]byte, 512)
			for {
				n, err := r.Body.Read(buf)
				body = append(body, buf[:n]...)
				if err != nil {
					break
				}
			}
			ttl, _ := strconv.Atoi(r.URL.Query().Get("ttl"))
			ask(commands, command{kind: opWrite, name: name, value: body, ttl: time.Duration(ttl) * time.Second})
			w.WriteHeader(201)
		case "DELETE":
			if ask(commands, command{kind: opDelete, name: name}).found {
				w.WriteHeader(204)
			} else {
				w.WriteHeader(404)
			}
		default:
			w.WriteHeader(405)
		}
	})

	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	if err := http.ListenAndServe(":"+port, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
