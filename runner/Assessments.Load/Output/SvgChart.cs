using System.Globalization;
using System.Net;
using System.Text;

namespace Assessments.Load.Output;

/// <summary>A line chart as inline SVG: no script and no external assets, so a report can embed it anywhere.</summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 56;
    private const int Right = 12;
    private const int Top = 24;
    private const int Bottom = 32;

    public sealed record Series(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points);

    public static string Lines(string title, string yUnit, IReadOnlyList<Series> series, double? shadeUntilX = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = series.SelectMany(s => s.Points).ToList();
        var maxX = all.Count == 0 ? 1 : Math.Max(all.Max(p => p.X), 1e-9);
        var maxY = NiceCeiling(all.Count == 0 ? 1 : all.Max(p => p.Y));
        double X(double x) => Left + (x / maxX * (Width - Left - Right));
        double Y(double y) => Top + ((1 - (y / maxY)) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(title)}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"14\" font-weight=\"bold\">{E(title)}</text>");
        if (shadeUntilX is > 0 and var shade)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{F(X(Math.Min(shade, maxX)) - Left)}\" height=\"{Height - Top - Bottom}\" fill=\"#eee\"><title>warm-up (excluded)</title></rect>");
        }

        for (var i = 0; i <= 4; i++)
        {
            var value = maxY * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(value))}\" y2=\"{F(Y(value))}\" stroke=\"#ddd\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{F(Y(value) + 4)}\" text-anchor=\"end\">{value.ToString("0.##", CultureInfo.InvariantCulture)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">seconds ({maxX.ToString("0.#", CultureInfo.InvariantCulture)} s) · {E(yUnit)}</text>");
        var legendX = Left + 200;
        foreach (var line in series)
        {
            if (line.Points.Count > 0)
            {
                var path = string.Join(" ", line.Points.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"1.5\" points=\"{path}\"><title>{E(line.Name)}</title></polyline>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX}\" y=\"14\" fill=\"{line.Colour}\">{E(line.Name)}</text>");
            legendX += 60;
        }

        return svg.Append("</svg>").ToString();
    }

    // Rounds the axis top up to 1, 2 or 5 times a power of ten, so gridlines land on readable numbers.
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

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
