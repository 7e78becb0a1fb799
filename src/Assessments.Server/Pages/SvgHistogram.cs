using System.Globalization;
using System.Text;

namespace Assessments.Server.Pages;

/// <summary>
/// A bar chart of score bins as inline SVG (attributes only, no styles or scripts): a y axis of
/// counts, each bar's count written on it, the score bins along the x axis, and a text equivalent.
/// </summary>
public static class SvgHistogram
{
    private const int Width = 340;
    private const int Height = 150;
    private const int Left = 30;
    private const int Top = 14;
    private const int Bottom = 34;
    private const int Plot = Height - Top - Bottom;

    public static string Render(string label, int[] bins)
    {
        var max = Math.Max(1, bins.Max());
        var ticks = max <= 4 ? Enumerable.Range(0, max + 1).ToList() : [0, max / 2, max];
        var bar = (Width - Left - 4) / bins.Length;
        var description = string.Join(", ", bins.Select((count, i) => $"{Bin(i)}: {count}"));
        double Y(double count) => Top + Plot - (count / max * Plot);
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<svg class=\"histogram\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" font-family=\"sans-serif\" aria-label=\"{Html.E($"{label}: {description}")}\">");
        foreach (var tick in ticks.Distinct())
        {
            h.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Y(tick):0.#}\" x2=\"{Width - 4}\" y2=\"{Y(tick):0.#}\" stroke=\"{(tick == 0 ? "#8c959f" : "#eaeef2")}\"/>");
            h.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">{tick}</text>");
        }

        for (var i = 0; i < bins.Length; i++)
        {
            var x = Left + (i * bar);
            var top = Y(bins[i]);
            h.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 2}\" y=\"{top:0.#}\" width=\"{bar - 4}\" height=\"{Top + Plot - top:0.#}\" fill=\"#2da44e\"><title>{Bin(i)}: {bins[i]}</title></rect>");
            if (bins[i] > 0)
            {
                h.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (bar / 2.0):0.#}\" y=\"{top - 2:0.#}\" text-anchor=\"middle\" font-size=\"11\">{bins[i]}</text>");
            }

            h.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (bar / 2.0):0.#}\" y=\"{Top + Plot + 13}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#57606a\">{i * 10}</text>");
        }

        h.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + ((Width - Left) / 2)}\" y=\"{Height - 4}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">score (bins of 10) · y: submissions</text>");
        return h.Append("</svg>").ToString();
    }

    private static string Bin(int i) => $"{i * 10}–{(i == 9 ? 100 : (i * 10) + 9)}";
}
