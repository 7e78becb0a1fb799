package main

import (
	"net/http"
	"strconv"
	"strings"
)

// routes matches paths by hand rather than with http.ServeMux: the mux of Go 1.19 knows no methods and
// redirects unclean paths, while this API owes a 405 with Allow for a known path and a problem
// document for everything it does not know.
func routes(api *productsAPI, metrics *requestMetrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		switch {
		case path == "/health":
			only(w, r, "GET", func() { writeJSON(w, http.StatusOK, map[string]string{"status": "ok"}) })
		case path == "/health/ready":
			only(w, r, "GET", func() { writeJSON(w, http.StatusOK, map[string]string{"status": "ready"}) })
		case path == "/metrics":
			only(w, r, "GET", func() { metrics.serve(w) })
		case path == "/openapi.json":
			only(w, r, "GET", func() {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(contract)
			})
		case path == "/products":
			setRoute(r, "/products")
			if !api.limits.admit(w, r) {
				return
			}
			switch r.Method {
			case "GET":
				api.list(w, r)
			case "POST":
				api.create(w, r)
			default:
				methodNotAllowed(w, "GET, POST")
			}
		case strings.HasPrefix(path, "/products/"):
			setRoute(r, "/products/{id}")
			if !api.limits.admit(w, r) {
				return
			}
			id, err := strconv.ParseInt(strings.TrimPrefix(path, "/products/"), 10, 64)
			if err != nil || id < 1 {
				// Not an id this API could have issued: the resource does not exist, whatever the method.
				writeProblem(w, problem{Status: http.StatusNotFound, Title: "No such product"})
				return
			}
			switch r.Method {
			case "GET":
				api.read(w, r, id)
			case "DELETE":
				api.remove(w, id)
			default:
				methodNotAllowed(w, "GET, DELETE")
			}
		default:
			writeProblem(w, problem{Status: http.StatusNotFound, Title: "No such resource", Detail: "There is nothing at " + path + "."})
		}
	})
}

func only(w http.ResponseWriter, r *http.Request, method string, serve func()) {
	if r.Method != method {
		methodNotAllowed(w, method)
		return
	}
	serve()
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	writeProblem(w, problem{Status: http.StatusMethodNotAllowed, Title: "Method not allowed", Detail: "This path answers " + allow + "."})
}
