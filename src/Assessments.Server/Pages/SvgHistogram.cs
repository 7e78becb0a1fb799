using System.Globalization;
using System.Text;

namespace Assessments.Server.Pages;

/// <summary>A small bar chart of score bins as inline SVG (attributes only, no styles or scripts), with a text equivalent.</summary>
public static class SvgHistogram
{
    public static string Render(string label, int[] bins)
    {
        const int Width = 320;
        const int Height = 110;
        const int Plot = 90;
        var max = Math.Max(1, bins.Max());
        var bar = Width / bins.Length;
        var description = string.Join(", ", bins.Select((count, i) => $"{i * 10}–{(i == 9 ? 100 : i * 10 + 9)}: {count}"));
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<svg class=\"histogram\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html.E($"{label}: {description}")}\">");
        h.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Plot}\" x2=\"{Width}\" y2=\"{Plot}\" stroke=\"#8c959f\"/>");
        for (var i = 0; i < bins.Length; i++)
        {
            var height = (int)Math.Round((double)bins[i] / max * (Plot - 10));
            h.Append(CultureInfo.InvariantCulture, $"<rect x=\"{i * bar + 2}\" y=\"{Plot - height}\" width=\"{bar - 4}\" height=\"{height}\" fill=\"#2da44e\"><title>{i * 10}–{(i == 9 ? 100 : i * 10 + 9)}: {bins[i]}</title></rect>");
            if (i % 2 == 0)
            {
                h.Append(CultureInfo.InvariantCulture, $"<text x=\"{i * bar + 2}\" y=\"{Height - 4}\" font-size=\"11\" fill=\"#57606a\">{i * 10}</text>");
            }
        }

        return h.Append("</svg>").ToString();
    }
}
