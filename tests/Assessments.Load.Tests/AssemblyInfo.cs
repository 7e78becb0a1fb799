// The acceptance tests measure time and rates on a 2-core machine; running them beside other
// tests would measure the other tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
