using System.Text;
using Assessments.Domain.Reports;

namespace Assessments.Runner.Logs;

/// <summary>
/// Keeps the end of an untrusted, possibly endless text stream within a byte budget: ANSI escape codes
/// and control characters are stripped as lines arrive, and the oldest lines go first when it is full.
/// </summary>
public sealed class BoundedLog(int maxBytes)
{
    private readonly LinkedList<string> _lines = new();
    private readonly StringBuilder _partial = new();
    private long _bytes;

    public long DroppedLines { get; private set; }

    public long TotalBytesSeen { get; private set; }

    public void Append(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        TotalBytesSeen += Encoding.UTF8.GetByteCount(text);
        foreach (var c in text)
        {
            if (c == '\n')
            {
                Flush();
            }
            else if (_partial.Length < maxBytes)
            {
                _partial.Append(c);
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines, including an unterminated last line.</summary>
    public IReadOnlyList<string> Tail(int count)
    {
        var all = _lines.ToList();
        if (_partial.Length > 0)
        {
            all.Add(LogText.Clean(_partial.ToString()));
        }

        return all.Skip(Math.Max(0, all.Count - count)).ToList();
    }

    public IReadOnlyList<string> Lines => Tail(int.MaxValue);

    private void Flush()
    {
        var line = LogText.Clean(_partial.ToString().TrimEnd('\r'));
        _partial.Clear();
        _lines.AddLast(line);
        _bytes += line.Length + 1;
        while (_bytes > maxBytes && _lines.First is { } first)
        {
            _bytes -= first.Value.Length + 1;
            _lines.RemoveFirst();
            DroppedLines++;
        }
    }
}
