// An in-memory key-value service: one map behind a read-write mutex, JSON in and out.
package main

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"sort"
	"strings"
	"sync"
)

type store struct {
	mu     sync.RWMutex
	values map[string]string
}

type putRequest struct {
	Value string `json:"value"`
}

var errEmptyValue = errors.New("value must not be empty")

func newStore() *store {
	return &store{values: make(map[string]string)}
}

func (s *store) get(key string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.values[key]
	return v, ok
}

func (s *store) put(key, value string) error {
	if value == "" {
		return errEmptyValue
	}
	s.mu.Lock()
	s.values[key] = value
	s.mu.Unlock()
	return nil
}

func (s *store) remove(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.values[key]
	delete(s.values, key)
	return ok
}

func (s *store) keys() []string {
	s.mu.RLock()
	out := make([]string, 0, len(s.values))
	for k := range s.values {
		out = append(out, k)
	}
	s.mu.RUnlock()
	sort.Strings(out)
	return out
}

func (s *store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimPrefix(r.URL.Path, "/kv/")
	switch {
	case r.URL.Path == "/kv" && r.Method == http.MethodGet:
		respond(w, http.StatusOK, map[string][]string{"keys": s.keys()})
	case key == "" || key == r.URL.Path:
		http.NotFound(w, r)
	case r.Method == http.MethodGet:
		if v, ok := s.get(key); ok {
			respond(w, http.StatusOK, map[string]string{"key": key, "value": v})
			return
		}
		http.Error(w, "not found", http.StatusNotFound)
	case r.Method == http.MethodPut:
		var body putRequest
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := s.put(key, body.Value); err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodDelete:
		if !s.remove(key) {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Allow", "GET, PUT, DELETE")
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func respond(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(body); err != nil {
		log.Printf("write response: %v", err)
	}
}

func main() {
	mux := http.NewServeMux()
	kv := newStore()
	mux.Handle("/kv", kv)
	mux.Handle("/kv/", kv)
	mux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) {
		respond(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	log.Fatal(http.ListenAndServe(":8080", mux))
}
