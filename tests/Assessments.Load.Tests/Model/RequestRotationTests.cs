using Assessments.Load.Dispatch;
using Assessments.Load.Model;

namespace Assessments.Load.Tests.Model;

public sealed class RequestRotationTests
{
    [Fact]
    public void Messages_take_the_rotation_uris_in_turn()
    {
        Uri[] uris = [new("http://127.0.0.1:1/k/0"), new("http://127.0.0.1:1/k/1"), new("http://127.0.0.1:1/k/2")];
        var template = HttpRequestTemplate.Get(uris[0]) with { Rotation = uris };

        var sent = Enumerable.Range(0, 7).Select(_ =>
        {
            using var message = template.ToMessage();
            return message.RequestUri!.AbsolutePath;
        }).ToList();

        Assert.Equal(["/k/0", "/k/1", "/k/2", "/k/0", "/k/1", "/k/2", "/k/0"], sent);
    }

    [Fact]
    public void Without_a_rotation_every_message_goes_to_the_one_uri()
    {
        var template = HttpRequestTemplate.Get(new Uri("http://127.0.0.1:1/ok"));

        using var first = template.ToMessage();
        using var second = template.ToMessage();

        Assert.Equal(first.RequestUri, second.RequestUri);
        Assert.Equal("/ok", second.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void A_rotating_request_goes_through_HttpClient_because_its_wire_form_would_name_one_uri()
    {
        Uri[] uris = [new("http://127.0.0.1:1/k/0"), new("http://127.0.0.1:1/k/1")];
        using var transport = new HttpTransport(2, TimeSpan.FromSeconds(1));

        Assert.Null(transport.WireFormOf(HttpRequestTemplate.Get(uris[0]) with { Rotation = uris }));
        Assert.False(transport.SendsOverWire(HttpRequestTemplate.Get(uris[0]) with { Rotation = uris }));
        Assert.Equal(transport.SendsOverWire(uris[0]), transport.WireFormOf(HttpRequestTemplate.Get(uris[0])) is not null);
    }
}
