package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

const maxBody = 64 << 10

type productsAPI struct {
	catalog *catalog
	limits  *clientLimits
}

// productInput is a create request once checked; it is comparable, so a replayed Idempotency-Key can
// be told apart from a different request that reuses it.
type productInput struct {
	SKU        string
	Name       string
	PriceCents int64
	Stock      int32
}

// createBody keeps every field a pointer so that "missing" and "zero" differ; integers decode into
// int64 so that 1.5, "12" or an overflow fail to decode instead of being rounded or coerced.
type createBody struct {
	SKU        *string `json:"sku"`
	Name       *string `json:"name"`
	PriceCents *int64  `json:"priceCents"`
	Stock      *int64  `json:"stock"`
}

func (a *productsAPI) create(w http.ResponseWriter, r *http.Request) {
	if media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || media != "application/json" {
		writeProblem(w, problem{Status: http.StatusUnsupportedMediaType, Title: "Send the product as application/json"})
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if len(key) > 200 {
		validationProblem(w, map[string][]string{"Idempotency-Key": {"at most 200 characters"}})
		return
	}
	in, errs := decodeProduct(http.MaxBytesReader(w, r.Body, maxBody))
	if len(errs) > 0 {
		validationProblem(w, errs)
		return
	}

	p, result := a.catalog.create(in, key)
	switch result {
	case created, replayed:
		// A replay answers exactly as the first create did, so a client retrying blindly cannot tell.
		w.Header().Set("Location", fmt.Sprintf("/products/%d", p.ID))
		writeJSON(w, http.StatusCreated, p)
	case keyReused:
		writeProblem(w, problem{Status: http.StatusUnprocessableEntity, Title: "This Idempotency-Key was used with a different request"})
	case skuTaken:
		writeProblem(w, problem{Status: http.StatusConflict, Title: "SKU already in use", Detail: fmt.Sprintf("A product with SKU %q exists.", in.SKU)})
	}
}

func decodeProduct(body io.Reader) (productInput, map[string][]string) {
	errs := map[string][]string{}
	var b createBody
	if err := json.NewDecoder(body).Decode(&b); err != nil {
		var typeErr *json.UnmarshalTypeError
		switch {
		case errors.As(err, &typeErr) && typeErr.Field != "":
			errs[typeErr.Field] = []string{"must be " + expected(typeErr.Field)}
		default:
			errs["body"] = []string{"the body is not a JSON object"}
			return productInput{}, errs
		}
	}

	in := productInput{}
	if _, bad := errs["sku"]; !bad {
		if b.SKU == nil || strings.TrimSpace(*b.SKU) == "" || len([]rune(*b.SKU)) > 32 {
			errs["sku"] = []string{"required, 1 to 32 characters"}
		} else {
			in.SKU = *b.SKU
		}
	}
	if _, bad := errs["name"]; !bad {
		if b.Name == nil || strings.TrimSpace(*b.Name) == "" || len([]rune(*b.Name)) > 200 {
			errs["name"] = []string{"required, 1 to 200 characters"}
		} else {
			in.Name = *b.Name
		}
	}
	if _, bad := errs["priceCents"]; !bad {
		if b.PriceCents == nil || *b.PriceCents < 0 {
			errs["priceCents"] = []string{"required, a whole number of cents, not negative"}
		} else {
			in.PriceCents = *b.PriceCents
		}
	}
	if _, bad := errs["stock"]; !bad && b.Stock != nil {
		if *b.Stock < 0 || *b.Stock > math.MaxInt32 {
			errs["stock"] = []string{"a whole number, not negative"}
		} else {
			in.Stock = int32(*b.Stock)
		}
	}
	return in, errs
}

func expected(field string) string {
	if field == "sku" || field == "name" {
		return "a string"
	}
	return "a whole number"
}

func (a *productsAPI) read(w http.ResponseWriter, r *http.Request, id int64) {
	p := a.catalog.find(id)
	if p == nil {
		writeProblem(w, problem{Status: http.StatusNotFound, Title: "No such product", Detail: fmt.Sprintf("Product %d does not exist.", id)})
		return
	}
	body, _ := json.Marshal(p)
	tag := etagOf(body)
	w.Header().Set("ETag", tag)
	if matches(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

func (a *productsAPI) remove(w http.ResponseWriter, id int64) {
	if !a.catalog.remove(id) {
		writeProblem(w, problem{Status: http.StatusNotFound, Title: "No such product", Detail: fmt.Sprintf("Product %d does not exist.", id)})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type productPage struct {
	Items      []product `json:"items"`
	NextCursor *string   `json:"nextCursor"`
}

func (a *productsAPI) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	errs := map[string][]string{}
	limit := 20
	if raw := q.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > 100 {
			errs["limit"] = []string{"a whole number from 1 to 100"}
		}
		limit = n
	}
	prices := priceRange{min: 0, max: math.MaxInt64}
	prices.min = bound(q.Get("minPriceCents"), "minPriceCents", 0, errs)
	prices.max = bound(q.Get("maxPriceCents"), "maxPriceCents", math.MaxInt64, errs)
	var after int64
	if raw := q.Get("cursor"); raw != "" {
		var ok bool
		if after, ok = readCursor(raw); !ok {
			errs["cursor"] = []string{"not a cursor this API issued"}
		}
	}
	if len(errs) > 0 {
		validationProblem(w, errs)
		return
	}

	items, more := a.catalog.page(after, limit, prices)
	page := productPage{Items: items}
	if more {
		next := makeCursor(items[len(items)-1].ID)
		page.NextCursor = &next
	}
	writeJSON(w, http.StatusOK, page)
}

func bound(raw, name string, otherwise int64, errs map[string][]string) int64 {
	if raw == "" {
		return otherwise
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n < 0 {
		errs[name] = []string{"a whole number of cents, not negative"}
	}
	return n
}

// A cursor is opaque to clients: a version tag and the last id shown, base64url-encoded, so that a
// later change of what it holds can still read the old ones.
func makeCursor(lastID int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("v1:" + strconv.FormatInt(lastID, 10)))
}

func readCursor(raw string) (int64, bool) {
	decoded, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return 0, false
	}
	text := string(decoded)
	if !strings.HasPrefix(text, "v1:") {
		return 0, false
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(text, "v1:"), 10, 64)
	return id, err == nil && id >= 0
}

// etagOf is a strong validator: a hash of the exact representation sent.
func etagOf(representation []byte) string {
	sum := sha256.Sum256(representation)
	return `"` + hex.EncodeToString(sum[:10]) + `"`
}

func matches(ifNoneMatch, tag string) bool {
	for _, candidate := range strings.Split(ifNoneMatch, ",") {
		candidate = strings.TrimSpace(candidate)
		if candidate == "*" || candidate == tag || candidate == "W/"+tag {
			return true
		}
	}
	return false
}
