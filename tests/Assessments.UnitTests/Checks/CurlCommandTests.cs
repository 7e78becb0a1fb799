using System.Text;
using Assessments.Runner.Checks;

namespace Assessments.UnitTests.Checks;

public sealed class CurlCommandTests
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    [Fact]
    public void For_leaves_out_the_method_flag_for_a_plain_get()
    {
        Assert.Equal("curl -i 'http://localhost:8080/products?limit=2'", CurlCommand.For("GET", "/products?limit=2", NoHeaders, null, 8080));
    }

    [Fact]
    public void For_names_the_method_headers_and_body_of_a_post()
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Idempotency-Key"] = "k1" };

        var curl = CurlCommand.For("POST", "/products", headers, """{"name":"Lamp"}""", 9090);

        Assert.Equal(
            """curl -i -X POST 'http://localhost:9090/products' -H 'Content-Type: application/json' -H 'Idempotency-Key: k1' --data-raw '{"name":"Lamp"}'""",
            curl);
    }

    [Theory]
    [InlineData("""{"name":"it's"}""")]
    [InlineData("'; rm -rf ~; echo '")]
    [InlineData("$(whoami) `id` \"$HOME\" \\ ''")]
    public void For_quotes_a_body_so_that_the_shell_reads_it_back_unchanged(string body)
    {
        // given a command a reader pastes into a POSIX shell
        var curl = CurlCommand.For("PUT", "/products/1", NoHeaders, body, 8080);

        // when the shell splits it into words
        var words = ShellWords(curl);

        // then the body arrives as one literal word
        Assert.Equal(["curl", "-i", "-X", "PUT", "http://localhost:8080/products/1", "--data-raw", body], words);
    }

    /// <summary>Splits a command as a POSIX shell would, for the quoting CurlCommand uses: words, '…' and \x.</summary>
    private static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '\'')
            {
                var close = command.IndexOf('\'', i + 1);
                Assert.True(close > 0, $"unterminated quote in {command}");
                word.Append(command, i + 1, close - i - 1);
                i = close;
                inWord = true;
            }
            else if (c == '\\')
            {
                word.Append(command[++i]);
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                Assert.DoesNotContain(c, "$`\";|&<>()");
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
