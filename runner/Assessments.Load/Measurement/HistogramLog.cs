using HdrHistogram;

namespace Assessments.Load.Measurement;

/// <summary>
/// Writes interval histograms in HdrHistogram's .hlog format as the run goes, so the file can be
/// read by the usual HdrHistogram tools and nothing accumulates in memory.
/// </summary>
public sealed class HistogramLog : IDisposable
{
    private readonly FileStream _file;
    private readonly HistogramLogWriter _writer;
    private bool _headerWritten;

    public HistogramLog(string path)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        _writer = new HistogramLogWriter(_file);
    }

    public void Append(HistogramBase histogram, string tag, DateTimeOffset from, DateTimeOffset to)
    {
        histogram.Tag = tag;
        histogram.StartTimeStamp = from.ToUnixTimeMilliseconds();
        histogram.EndTimeStamp = to.ToUnixTimeMilliseconds();
        if (!_headerWritten)
        {
            _writer.Write(from.UtcDateTime, histogram);
            _headerWritten = true;
        }
        else
        {
            _writer.Append(histogram);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
