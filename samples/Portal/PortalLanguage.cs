using Cchc.Rules;
using Microsoft.Net.Http.Headers;

namespace Cchc.Portal;

/// <summary>
/// The language of an answer: English when the request's <c>Accept-Language</c> prefers English to Vietnamese,
/// Vietnamese otherwise (and when it names neither).
/// </summary>
/// <remarks>
/// The middleware sets <see cref="CchcLanguage.Current"/> for the request: it flows with the request's async calls
/// (an <see cref="AsyncLocal{T}"/>), so the library's messages (data problems, rejections, the cards' standard
/// explanations) speak the request's language, and two concurrent requests in two languages do not mix.
/// </remarks>
internal static class PortalLanguage
{
    /// <summary>True when the request prefers English (<c>Accept-Language: en</c>, <c>en-US,en;q=0.9</c>, …).</summary>
    public static bool IsEnglish(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("vi", StringComparison.OrdinalIgnoreCase));
        return preferred?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>Sets the library's language for the rest of the request.</summary>
    public static IApplicationBuilder UseCchcLanguage(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            CchcLanguage.Current = IsEnglish(context.Request) ? CchcLanguage.English : CchcLanguage.Vietnamese;
            await next(context);
        });
}
