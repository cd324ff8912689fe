using Cchc.Scoring.Units;
using Microsoft.AspNetCore.Diagnostics;

namespace Cchc.Portal;

/// <summary>
/// What an endpoint did not answer itself still becomes a problem the caller can act on: bad unit data and
/// malformed requests are 400s naming what is wrong, not 500s.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (field, reason) = exception switch
        {
            UnitDataException e => (e.Field, $"'{e.Value}': {e.Reason}"),
            BadHttpRequestException e => ("request", e.Message),
            InvalidDataException e => ("file", e.Message),
            NotSupportedException e => ("file", e.Message),
            _ => (null, null),
        };
        if (field is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = Problems.Text(httpContext.Request, $"Yêu cầu không hợp lệ ở '{field}'", $"Invalid request at '{field}'"),
                Detail = reason,
                Extensions = { ["field"] = field },
            },
        });
    }
}
