package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
)

// journal is an append-only file of job snapshots, one JSON line each; replaying it and keeping the last
// snapshot per id rebuilds every job. Writes are group-committed: a single goroutine takes whatever
// lines are waiting, writes them together and fsyncs once, so a burst of submissions shares the cost.
type journal struct {
	file    *os.File
	pending chan pendingWrite
}

type pendingWrite struct {
	line []byte
	done chan error
}

const journalName = "jobs.jsonl"

// openJournal replays what is on disk, rewrites it compacted, and starts taking appends.
func openJournal(dir string) (*journal, []job, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, nil, err
	}
	path := filepath.Join(dir, journalName)
	jobs, err := replay(path)
	if err != nil {
		return nil, nil, err
	}
	if err := compact(path, jobs); err != nil {
		return nil, nil, err
	}
	file, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return nil, nil, err
	}
	j := &journal{file: file, pending: make(chan pendingWrite, 1024)}
	go j.commitLoop()
	return j, jobs, nil
}

// append returns once the snapshot is on disk.
func (j *journal) append(snapshot job) error {
	line, err := json.Marshal(snapshot)
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	j.pending <- pendingWrite{line: append(line, '\n'), done: done}
	return <-done
}

func (j *journal) commitLoop() {
	for first := range j.pending {
		batch := []pendingWrite{first}
	gather:
		for len(batch) < 256 {
			select {
			case next := <-j.pending:
				batch = append(batch, next)
			default:
				break gather
			}
		}
		var buf []byte
		for _, w := range batch {
			buf = append(buf, w.line...)
		}
		_, err := j.file.Write(buf)
		if err == nil {
			err = j.file.Sync()
		}
		for _, w := range batch {
			w.done <- err
		}
	}
}

func replay(path string) ([]job, error) {
	file, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer file.Close()

	latest := map[string]job{}
	lines := bufio.NewScanner(file)
	lines.Buffer(make([]byte, 64<<10), 1<<20)
	for lines.Scan() {
		var snapshot job
		// A line a crash cut short was never acknowledged to anyone: skip it.
		if json.Unmarshal(lines.Bytes(), &snapshot) == nil && snapshot.ID != "" {
			latest[snapshot.ID] = snapshot
		}
	}
	if err := lines.Err(); err != nil {
		return nil, err
	}
	jobs := make([]job, 0, len(latest))
	for _, j := range latest {
		jobs = append(jobs, j)
	}
	sort.Slice(jobs, func(a, b int) bool { return jobs[a].Seq < jobs[b].Seq })
	return jobs, nil
}

// compact writes one line per job to a temporary file and renames it over the journal: a crash leaves
// either the old file or the new one whole.
func compact(path string, jobs []job) error {
	tmp := path + ".tmp"
	file, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(file)
	encoder := json.NewEncoder(out)
	for _, j := range jobs {
		if err := encoder.Encode(j); err != nil {
			file.Close()
			return err
		}
	}
	if err := out.Flush(); err != nil {
		file.Close()
		return err
	}
	if err := file.Sync(); err != nil {
		file.Close()
		return err
	}
	if err := file.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	// The rename itself lives in the directory: sync it too.
	if dir, err := os.Open(filepath.Dir(path)); err == nil {
		_ = dir.Sync()
		dir.Close()
	}
	return nil
}
