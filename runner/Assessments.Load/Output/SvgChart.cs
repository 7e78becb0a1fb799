using System.Globalization;
using System.Net;
using System.Text;

namespace Assessments.Load.Output;

/// <summary>
/// A line chart as inline SVG: no script and no external assets, so a report can embed it anywhere.
/// Title, then a legend on its own row (never over the title), axes with ticks and units, the warm-up
/// shaded and labelled, and horizontal markers (a threshold, the reference's figure) drawn as labelled lines.
/// </summary>
public static class SvgChart
{
    private const int Width = 680;
    private const int Height = 270;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 52;
    private const int Bottom = 46;
    private const int PlotHeight = Height - Top - Bottom;
    private const int PlotWidth = Width - Left - Right;

    public sealed record Series(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points);

    /// <summary>A horizontal line at a value, such as a threshold or the reference's p99.</summary>
    public sealed record Marker(string Label, double Y, string Colour);

    public static string Lines(string title, string yUnit, IReadOnlyList<Series> series, double? shadeUntilX = null, IReadOnlyList<Marker>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = series.SelectMany(s => s.Points).ToList();
        var dataMax = all.Count == 0 ? 1 : all.Max(p => p.Y);

        // A marker far above the data would flatten every line; it is named instead of drawn.
        var drawn = (markers ?? []).Where(m => m.Y <= Math.Max(dataMax, 1e-9) * 4).ToList();
        var offChart = (markers ?? []).Except(drawn).ToList();
        var maxX = NiceCeiling(all.Count == 0 ? 1 : Math.Max(all.Max(p => p.X), 1e-9));
        var maxY = NiceCeiling(Math.Max(dataMax, drawn.Select(m => m.Y).DefaultIfEmpty(0).Max()) * 1.05);
        double X(double x) => Left + (x / maxX * PlotWidth);
        double Y(double y) => Top + ((1 - (y / maxY)) * PlotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" role=\"img\" aria-label=\"{E(title)}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"16\" font-weight=\"bold\" font-size=\"13\">{E(title)}</text>");
        Legend(svg, series, drawn);
        if (shadeUntilX is > 0 and var shade)
        {
            var w = X(Math.Min(shade, maxX)) - Left;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{F(w)}\" height=\"{PlotHeight}\" fill=\"#eef0f3\"><title>warm-up, excluded from the figures</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left + 4)}\" y=\"{Top + 14}\" fill=\"#57606a\">warm-up (excluded)</text>");
        }

        Axes(svg, maxX, maxY, yUnit, X, Y);
        foreach (var line in series.Where(s => s.Points.Count > 0))
        {
            var path = string.Join(" ", line.Points.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"1.8\" points=\"{path}\"><title>{E(line.Name)}</title></polyline>");
        }

        foreach (var m in drawn)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(m.Y))}\" y2=\"{F(Y(m.Y))}\" stroke=\"{m.Colour}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 4}\" y=\"{F(Y(m.Y) - 4)}\" text-anchor=\"end\" fill=\"{m.Colour}\">{E($"{m.Label} {Number(m.Y)} {yUnit}")}</text>");
        }

        if (offChart.Count > 0)
        {
            var note = string.Join("; ", offChart.Select(m => $"{m.Label} {Number(m.Y)} {yUnit}"));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 4}\" y=\"{Top + 14}\" text-anchor=\"end\" fill=\"#57606a\">{E($"above the chart: {note}")}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<Series> series, IReadOnlyList<Marker> markers)
    {
        var x = (double)Left;
        const int y = 36;
        foreach (var s in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" x2=\"{F(x + 18)}\" y1=\"{y - 4}\" y2=\"{y - 4}\" stroke=\"{s.Colour}\" stroke-width=\"3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 22)}\" y=\"{y}\">{E(s.Name)}</text>");
            x += 22 + TextWidth(s.Name) + 16;
        }

        foreach (var m in markers)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" x2=\"{F(x + 18)}\" y1=\"{y - 4}\" y2=\"{y - 4}\" stroke=\"{m.Colour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 22)}\" y=\"{y}\">{E(m.Label)}</text>");
            x += 22 + TextWidth(m.Label) + 16;
        }
    }

    private static void Axes(StringBuilder svg, double maxX, double maxY, string yUnit, Func<double, double> X, Func<double, double> Y)
    {
        for (var i = 0; i <= 4; i++)
        {
            var value = maxY * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(value))}\" y2=\"{F(Y(value))}\" stroke=\"{(i == 0 ? "#57606a" : "#e1e4e8")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(value) + 4)}\" text-anchor=\"end\">{Number(value)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + PlotHeight}\" stroke=\"#57606a\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {Top + (PlotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\" fill=\"#57606a\">{E(yUnit)}</text>");
        var step = NiceCeiling(maxX / 6);
        for (var t = 0.0; t <= maxX + 1e-9; t += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(t))}\" x2=\"{F(X(t))}\" y1=\"{Top + PlotHeight}\" y2=\"{Top + PlotHeight + 5}\" stroke=\"#57606a\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(t))}\" y=\"{Top + PlotHeight + 18}\" text-anchor=\"middle\">{Number(t)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (PlotWidth / 2)}\" y=\"{Height - 6}\" text-anchor=\"middle\" fill=\"#57606a\">seconds since the start of the run</text>");
    }

    // Rounds up to 1, 2 or 5 times a power of ten, so gridlines and ticks land on readable numbers.
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var step = value / magnitude;
        return (step <= 1 ? 1 : step <= 2 ? 2 : step <= 5 ? 5 : 10) * magnitude;
    }

    // Sans-serif at 12 px averages about 6.8 px a character: enough to keep legend items apart.
    private static double TextWidth(string text) => text.Length * 6.8;

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
