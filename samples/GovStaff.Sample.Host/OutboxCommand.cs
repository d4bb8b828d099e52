using System.CommandLine;
using System.Globalization;
using GovStaff.Policy.Plugins;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace GovStaff.Sample.Host;

/// <summary><c>outbox list [--failed]</c> and <c>outbox retry &lt;id&gt;|--all-failed</c>: the notifications kept in the store.</summary>
internal static class OutboxCommand
{
    public static Command Build(IServiceProvider services, SampleHostRun run)
    {
        var outbox = new Command("outbox", "The notification outbox: list what is pending or failed, re-queue failed messages.\n通知发件箱：查看待发送或失败的通知，重新排队。");

        var failedOnly = new Option<bool>("--failed") { Description = "Only the failed messages (kept after their last attempt, never dropped)." };
        var list = new Command("list", "List the pending and failed messages, with their attempts and last error.\n\nExamples:\n  outbox list\n  outbox list --failed") { failedOnly };
        list.SetAction(async (parse, ct) =>
        {
            var store = services.GetRequiredService<IPolicyStore>();
            var failed = await store.ReadOutboxAsync(OutboxState.Failed, ct);
            var pending = parse.GetValue(failedOnly) ? [] : await store.ReadOutboxAsync(OutboxState.Pending, ct);
            var delivered = (await store.ReadOutboxAsync(OutboxState.Delivered, ct)).Count;
            foreach (var m in pending.Concat(failed).OrderBy(m => m.Id))
            {
                run.Out.WriteLine(Line(m));
            }

            run.Out.WriteLine(parse.GetValue(failedOnly)
                ? $"{failed.Count} failed / 失败{failed.Count}条"
                : $"{pending.Count} pending, {failed.Count} failed, {delivered} delivered / 待发送{pending.Count}条，失败{failed.Count}条，已送达{delivered}条");
            return ExitCodes.Ok;
        });

        // Read as text and checked here: a number that does not parse is a usage error (exit 2), not a parser exception.
        var id = new Argument<string?>("id") { Description = "The message's number, as `outbox list` shows it.", Arity = ArgumentArity.ZeroOrOne };
        var allFailed = new Option<bool>("--all-failed") { Description = "Re-queue every failed message." };
        var retry = new Command("retry", "Put a failed message (or every one) back in the queue, due at once with its attempts counted from zero.\n\nExamples:\n  outbox retry 42\n  outbox retry --all-failed") { id, allFailed };
        retry.Validators.Add(result =>
        {
            var given = result.GetValue(id);
            if (given is null == !result.GetValue(allFailed))
            {
                result.AddError("Give a message id or --all-failed, not both and not neither.");
            }
            else if (given is not null && !long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                result.AddError($"'{given}' is not a message number; `outbox list` shows them (#42 is 42).");
            }
        });
        retry.SetAction(async (parse, ct) =>
        {
            var store = services.GetRequiredService<IPolicyStore>();
            if (parse.GetValue(id) is { } text)
            {
                var one = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
                if (await store.RequeueOutboxAsync(one, ct))
                {
                    run.Out.WriteLine($"Re-queued #{one} / 已重新排队 #{one}");
                    return ExitCodes.Ok;
                }

                var state = (await store.ReadOutboxAsync(OutboxState.Pending, ct)).Any(m => m.Id == one) ? "pending"
                    : (await store.ReadOutboxAsync(OutboxState.Delivered, ct)).Any(m => m.Id == one) ? "delivered" : null;
                await run.Error.WriteLineAsync(state is null
                    ? $"No outbox message has id {one} / 没有编号为{one}的通知"
                    : $"Message #{one} is {state}, not failed: nothing to re-queue / 通知 #{one} 状态为{state}，无需重新排队");
                return ExitCodes.BadInput;
            }

            var requeued = 0;
            foreach (var m in await store.ReadOutboxAsync(OutboxState.Failed, ct))
            {
                requeued += await store.RequeueOutboxAsync(m.Id, ct) ? 1 : 0;
            }

            run.Out.WriteLine($"Re-queued {requeued} failed messages / 已重新排队{requeued}条");
            return ExitCodes.Ok;
        });

        outbox.Subcommands.Add(list);
        outbox.Subcommands.Add(retry);
        return outbox;
    }

    // One line per message; the error is stored masked (personal data) and printed on one line.
    private static string Line(OutboxMessage m)
    {
        var state = m.State.ToString().ToLowerInvariant();
        var next = m.State == OutboxState.Pending && m.NextAttemptAt > Instant.FromUnixTimeTicks(0) ? " next " + InstantPattern.General.Format(m.NextAttemptAt) : string.Empty;
        var error = m.LastError is { } e ? " — " + e.ReplaceLineEndings(" ") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"#{m.Id} {state} attempts {m.Attempts}{next} {m.Kind} {m.Subject} id {m.MessageId}{error}");
    }
}
