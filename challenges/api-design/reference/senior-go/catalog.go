package main

import (
	"sort"
	"sync"
)

type product struct {
	ID         int64  `json:"id"`
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int64  `json:"priceCents"`
	Stock      int32  `json:"stock"`
}

type priceRange struct{ min, max int64 }

func (p priceRange) holds(cents int64) bool { return cents >= p.min && cents <= p.max }

// remembered is what an Idempotency-Key stands for: the request it first came with and what it made.
type remembered struct {
	input productInput
	id    int64
}

type entry struct {
	id int64
	p  *product
}

type createResult int

const (
	created createResult = iota
	replayed
	keyReused
	skuTaken
)

// catalog keeps products in creation order. Ids only grow, so the ordered slice can be searched by id,
// and a cursor (the last id a page showed) stays valid whatever is deleted around it.
type catalog struct {
	mu      sync.RWMutex
	ordered []entry // creation order; a deleted entry stays (with a nil product) until the next compaction
	byID    map[int64]*product
	bySKU   map[string]int64
	keys    map[string]remembered
	lastID  int64
	deleted int
}

func newCatalog() *catalog {
	return &catalog{byID: map[int64]*product{}, bySKU: map[string]int64{}, keys: map[string]remembered{}}
}

func (c *catalog) create(in productInput, key string) (*product, createResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if key != "" {
		if seen, ok := c.keys[key]; ok {
			if p := c.byID[seen.id]; p != nil && seen.input == in {
				return p, replayed
			}
			return nil, keyReused
		}
	}
	if _, taken := c.bySKU[in.SKU]; taken {
		return nil, skuTaken
	}
	c.lastID++
	p := &product{ID: c.lastID, SKU: in.SKU, Name: in.Name, PriceCents: in.PriceCents, Stock: in.Stock}
	c.ordered = append(c.ordered, entry{id: p.ID, p: p})
	c.byID[p.ID] = p
	c.bySKU[p.SKU] = p.ID
	if key != "" {
		c.keys[key] = remembered{input: in, id: p.ID}
	}
	return p, created
}

func (c *catalog) find(id int64) *product {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.byID[id]
}

func (c *catalog) remove(id int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.byID[id]
	if !ok {
		return false
	}
	delete(c.byID, id)
	delete(c.bySKU, p.SKU)
	c.ordered[c.indexOf(id)].p = nil
	c.deleted++
	if c.deleted > len(c.ordered)/2 {
		c.compact()
	}
	return true
}

// page returns up to limit products after the given id within the price range, and whether more follow.
func (c *catalog) page(after int64, limit int, prices priceRange) ([]product, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	items := make([]product, 0, limit)
	for i := c.indexOf(after + 1); i < len(c.ordered); i++ {
		p := c.ordered[i].p
		if p == nil || !prices.holds(p.PriceCents) {
			continue
		}
		if len(items) == limit {
			return items, true
		}
		items = append(items, *p)
	}
	return items, false
}

// indexOf is the position of the first entry whose id is at least id. A deleted entry keeps its id
// until compaction, so the ids stay sorted and binary search holds.
func (c *catalog) indexOf(id int64) int {
	return sort.Search(len(c.ordered), func(i int) bool { return c.ordered[i].id >= id })
}

func (c *catalog) compact() {
	live := make([]entry, 0, len(c.byID))
	for _, e := range c.ordered {
		if e.p != nil {
			live = append(live, e)
		}
	}
	c.ordered = live
	c.deleted = 0
}
