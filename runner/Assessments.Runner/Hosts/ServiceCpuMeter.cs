using System.Globalization;

namespace Assessments.Runner.Hosts;

/// <summary>
/// How much of the service's own CPUs other work took while the service was measured: the busy time
/// of those CPUs (<c>/proc/stat</c>, niced work left out) less what the service's container used (its
/// cgroup). The slot keeps other gradings off those CPUs, but not the rest of the host (a build, a
/// test run, an image import), and work there slows the service by an amount no generator
/// self-check sees. Linux only; null where either figure cannot be read (another OS, a runner inside
/// a container).
/// </summary>
internal sealed class ServiceCpuMeter
{
    // /proc/stat counts in USER_HZ, which is 100 on every Linux the runner supports.
    private const double TicksPerSecond = 100;

    private readonly IReadOnlyList<int> _cpus;
    private readonly string _usageFile;

    private ServiceCpuMeter(IReadOnlyList<int> cpus, string usageFile)
    {
        _cpus = cpus;
        _usageFile = usageFile;
    }

    /// <summary>
    /// A meter for the service container of the grading on <paramref name="host"/>; null when it
    /// cannot be measured, or when the service does not have CPUs of its own to measure (a slot on
    /// CPUs this host lacks is not pinned at all; on one CPU the generator shares the service's).
    /// </summary>
    public static ServiceCpuMeter? For(Grading.GradingHost? host) => host is null ? null : For(host.ContainerId, host.Slot);

    public static ServiceCpuMeter? For(string containerId, Domain.Hosts.CpuSlot? slot)
    {
        if (!OperatingSystem.IsLinux() || slot is null || slot.ServiceCpus.Count == 0
            || slot.ServiceCpus.Any(c => c >= Environment.ProcessorCount || slot.GeneratorCpus.Contains(c))
            || ContainerCpu.UsageFile(containerId) is not { } file)
        {
            return null;
        }

        var meter = new ServiceCpuMeter(slot.ServiceCpus, file);
        return meter.Read() is null ? null : meter;
    }

    /// <summary>Starts a measuring window; <see cref="Window.Close"/> gives the shares.</summary>
    public Window Open() => new(this, Read());

    private Sample? Read()
    {
        try
        {
            var busy = 0.0;
            var found = 0;
            foreach (var line in File.ReadLines("/proc/stat"))
            {
                if (!line.StartsWith("cpu", StringComparison.Ordinal) || line.Length < 4 || !char.IsAsciiDigit(line[3]))
                {
                    continue;
                }

                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!_cpus.Contains(int.Parse(fields[0].AsSpan(3), CultureInfo.InvariantCulture)))
                {
                    continue;
                }

                // user nice system idle iowait irq softirq steal. Niced work is left out: it gives way to
                // the service at once (a build under nice -n 19 hardly moves a latency), the rest does not.
                var ticks = fields.Skip(1).Take(8).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                busy += ticks[0] + ticks[2] + ticks[5] + ticks[6] + ticks[7];
                found++;
            }

            return found == _cpus.Count ? new Sample(System.Diagnostics.Stopwatch.GetTimestamp(), busy / TicksPerSecond, ContainerCpu.Read(_usageFile)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    internal sealed record Sample(long Timestamp, double BusySeconds, double? ServiceSeconds);

    /// <summary>One measuring window.</summary>
    public sealed class Window
    {
        private readonly ServiceCpuMeter _meter;
        private readonly Sample? _start;

        internal Window(ServiceCpuMeter meter, Sample? start)
        {
            _meter = meter;
            _start = start;
        }

        /// <summary>The shares of the service's CPUs over the window; null when a reading failed (the container restarted, say).</summary>
        public ServiceCpuShare? Close()
        {
            if (_start?.ServiceSeconds is not { } serviceBefore || _meter.Read() is not { ServiceSeconds: { } serviceAfter } end)
            {
                return null;
            }

            var capacity = System.Diagnostics.Stopwatch.GetElapsedTime(_start.Timestamp, end.Timestamp).TotalSeconds * _meter._cpus.Count;
            if (capacity <= 0)
            {
                return null;
            }

            var service = Math.Max(0, serviceAfter - serviceBefore);
            var others = Math.Max(0, end.BusySeconds - _start.BusySeconds - service);
            return new ServiceCpuShare(string.Join(',', _meter._cpus), Math.Round(Math.Min(1, service / capacity), 3), Math.Round(Math.Min(1, others / capacity), 3));
        }
    }
}
