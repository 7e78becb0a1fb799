using System.Diagnostics;

namespace Assessments.Runner.Checks;

/// <summary>
/// Measures how late this process gets the CPU while scenarios run: a thread that sleeps 2 ms at a
/// time records how much later than that it woke. An exchange's time includes any such delay of the
/// runner itself, so a <c>maxMs</c> verdict is judged against the worst delay seen during it.
/// </summary>
public sealed class RunnerLagProbe : IDisposable
{
    private const int Capacity = 1 << 15;
    private static readonly TimeSpan Nap = TimeSpan.FromMilliseconds(2);
    private readonly long[] _wokeAt = new long[Capacity];
    private readonly double[] _lateMs = new double[Capacity];
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _count;

    private RunnerLagProbe()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "runner-lag-probe", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public static RunnerLagProbe Start() => new();

    /// <summary>The latest wake-up, in milliseconds, of any nap that overlapped [from, to] (Stopwatch timestamps).</summary>
    public double WorstBetween(long from, long to)
    {
        lock (_gate)
        {
            var worst = 0.0;
            for (var i = _count - 1; i >= Math.Max(0, _count - Capacity); i--)
            {
                var slot = (int)(i % Capacity);
                var sleptFrom = _wokeAt[slot] - Stopwatch.Frequency * (Nap.TotalMilliseconds + _lateMs[slot]) / 1000;
                if (_wokeAt[slot] < from)
                {
                    break;
                }

                if (sleptFrom <= to)
                {
                    worst = Math.Max(worst, _lateMs[slot]);
                }
            }

            return Math.Round(worst, 3);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        while (!_stopping)
        {
            var before = Stopwatch.GetTimestamp();
            Thread.Sleep(Nap);
            var after = Stopwatch.GetTimestamp();
            var late = Math.Max(0, Stopwatch.GetElapsedTime(before, after).TotalMilliseconds - Nap.TotalMilliseconds);
            lock (_gate)
            {
                var slot = (int)(_count % Capacity);
                _wokeAt[slot] = after;
                _lateMs[slot] = late;
                _count++;
            }
        }
    }
}
