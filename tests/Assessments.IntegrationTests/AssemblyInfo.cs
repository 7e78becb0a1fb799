// Every test collection at once, not as many tests as the host has cores (xUnit 2.8's default): the
// collections are lines of tests that wait on builds, containers and their checks more than they
// compute, and on two cores the default left one line waiting for another's whole run. Phase 2 of
// scripts/test.sh still runs the tests that measure one at a time.
[assembly: CollectionBehavior(MaxParallelThreads = -1)]
