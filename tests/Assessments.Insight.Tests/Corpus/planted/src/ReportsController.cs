using Microsoft.AspNetCore.Mvc;

namespace Planted;

[ApiController]
[Route("reports")]
public sealed class ReportsController(ILogger<ReportsController> logger) : ControllerBase
{
    [HttpGet("{id}")]
    public async Task<IActionResult> Get(string id, CancellationToken cancellationToken) // planted: cancellation-token
    {
        await Task.Delay(10);
        return Ok(id);
    }

    [HttpPost]
    public IActionResult Create(string body)
    {
        try
        {
            Render(body).Wait(); // planted: sync-over-async
            var total = Total().GetAwaiter().GetResult(); // planted: sync-over-async
            return Ok(total);
        }
        catch (Exception) // planted: swallowed-exception
        {
            return Ok();
        }
    }

    [HttpDelete("{id}")]
    public IActionResult Delete(string id)
    {
        try
        {
            return NoContent();
        }
        catch // planted: swallowed-exception
        {
        }

        try
        {
            return NoContent();
        }
        catch (Exception e) // not: swallowed-exception
        {
            logger.LogError(e, "delete failed");
            throw;
        }
    }

    public async void Refresh() // planted: async-void, and as an action: // planted: cancellation-token
    {
        await Task.Yield();
    }

    private static Task Render(string body) => Task.CompletedTask;

    private static Task<int> Total() => Task.FromResult(1);
}
