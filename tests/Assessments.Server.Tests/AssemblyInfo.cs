// One test class at a time: the upload tests assert that a refused archive leaves no staging folder in
// the temp folder, which another class's upload or in-process grading, running beside it, would fill.
// The project runs beside the contract tests anyway, so the serial order costs no wall-clock time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
