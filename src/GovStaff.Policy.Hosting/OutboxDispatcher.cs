using System.Diagnostics.Metrics;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;
using Polly.Retry;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// Delivers the outbox at least once: claims due messages (one host at a time), hands each to every notifier through
/// a resilience pipeline (Polly retries), marks it delivered, or records the failure with a growing backoff so it is
/// tried again after an outage or a restart. After <see cref="OutboxDispatcherOptions.MaxAttempts"/> rounds a message
/// is kept as failed and logged as an error: never dropped.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly IPolicyStore? _store;
    private readonly IReadOnlyList<INotifier> _notifiers;
    private readonly IClock _clock;
    private readonly OutboxDispatcherOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly string _host;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _claimsLost;

    // How long a delivery in flight may go on after a stop; under the host's default shutdown timeout of 30 s.
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(10);

    /// <summary>Creates the dispatcher.</summary>
    public OutboxDispatcher(IServiceProvider services, IEnumerable<INotifier> notifiers, IOptions<OutboxDispatcherOptions> options, ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _store = services.GetService(typeof(IPolicyStore)) as IPolicyStore;
        _notifiers = [.. notifiers];
        _clock = Microsoft.Extensions.DependencyInjection.GovStaffPolicyServiceCollectionExtensions.RequireClock(services);
        _options = options.Value;
        _logger = logger;
        _host = _options.HostName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
        var meter = (services.GetService(typeof(IMeterFactory)) as IMeterFactory)?.Create(PolicyMonitors.MeterName) ?? new Meter(PolicyMonitors.MeterName);
        _delivered = meter.CreateCounter<long>("govstaff.outbox.delivered", "{message}", "Messages delivered to every notifier.");
        _failed = meter.CreateCounter<long>("govstaff.outbox.failed", "{attempt}", "Delivery attempts that failed (retried, or kept as failed after the last).");
        _claimsLost = meter.CreateCounter<long>("govstaff.outbox.claims_lost", "{message}", "Messages left to another host because this host's lease ran out.");
        _pipeline = _options.ImmediateRetries > 0
            ? new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = _options.ImmediateRetries,
                    Delay = _options.ImmediateRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                })
                .Build()
            : ResiliencePipeline.Empty;
    }

    /// <summary>
    /// Delivers one round: everything due now. Each message's claim is renewed before it is sent and while it is in
    /// flight, so a round that outlasts the lease does not hand its later messages to another host; a message whose
    /// claim was lost meanwhile is left to the host that holds it. When <paramref name="cancellationToken"/> fires,
    /// the message in flight may finish (for up to 10 s) and the rest of the round's claims are released at once.
    /// Returns how many messages were delivered.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null || _notifiers.Count == 0)
        {
            return 0;
        }

        var lease = Duration.FromTimeSpan(_options.Lease);
        var batch = await _store.ClaimOutboxAsync(_host, _options.BatchSize, _clock.GetCurrentInstant(), lease, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: the messages not begun go back to the queue now rather than when the lease ends.
                await ReleaseAsync(batch.Skip(i)).ConfigureAwait(false);
                break;
            }

            // Store writes after this point do not take the caller's token: a delivery once made is always recorded.
            if (!await _store.RenewOutboxClaimAsync(message.Id, message.Claim!, _clock.GetCurrentInstant() + lease, CancellationToken.None).ConfigureAwait(false))
            {
                _claimsLost.Add(1);
                LogClaimLost(_logger, message.Id, message.Kind);
                continue;
            }

            if (await DeliverAsync(message, lease, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    // True when the message was delivered and recorded as delivered.
    private async Task<bool> DeliverAsync(OutboxMessage message, Duration lease, CancellationToken stopping)
    {
        var claim = message.Claim!;
        using var inFlight = new CancellationTokenSource();
        // A stop lets the delivery in flight finish for a while before it is cut off and released.
        using var onStop = stopping.Register(() => inFlight.CancelAfter(InFlightGrace));
        using var heartbeat = new CancellationTokenSource();
        var renewing = KeepClaimAsync(message, lease, inFlight, heartbeat.Token);
        Exception? failure = null;
        try
        {
            var notification = GovStaffJson.Deserialize<Notification>(message.Json) with { MessageId = message.MessageId };
            foreach (var notifier in _notifiers)
            {
                await _pipeline.ExecuteAsync(async ct => await notifier.DeliverAsync(notification, ct).ConfigureAwait(false), inFlight.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }

        if (failure is null)
        {
            if (await _store!.CompleteOutboxAsync(message.Id, claim, CancellationToken.None).ConfigureAwait(false))
            {
                _delivered.Add(1);
                return true;
            }

            _claimsLost.Add(1);
            // Delivered, but another host took the message after this one's claim ran out: it may deliver it again.
            LogDeliveredAfterClaimLost(_logger, message.Id, message.Kind);
            return false;
        }

        if (failure is OperationCanceledException && inFlight.IsCancellationRequested)
        {
            // Cut off by a stop or because the claim was lost: not an attempt that failed. Released for the next round.
            await _store!.RenewOutboxClaimAsync(message.Id, claim, Instant.MinValue, CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        _failed.Add(1);
        var attempts = message.Attempts + 1;
        var permanent = attempts >= _options.MaxAttempts;
        var wait = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.Backoff.Ticks * (1L << Math.Min(attempts - 1, 30))));

        // An endpoint's error may echo what it was sent; the stored reason and the log get it masked (Art. 20).
        var reason = PersonalData.MaskText(failure.Message);
        // The wait counts from this failure, not from the start of the round: in a slow round the last
        // messages would otherwise be due again at once.
        var failedAt = _clock.GetCurrentInstant();
        if (!await _store!.FailOutboxAsync(message.Id, claim, reason, failedAt + Duration.FromTimeSpan(wait), permanent, CancellationToken.None).ConfigureAwait(false))
        {
            // Another host holds the message now; its outcome stands, whatever this late failure says.
            _claimsLost.Add(1);
            LogClaimLost(_logger, message.Id, message.Kind);
        }
        else if (permanent)
        {
            LogGaveUp(_logger, message.Id, message.Kind, attempts, reason);
        }
        else
        {
            LogRetry(_logger, message.Id, message.Kind, attempts, wait, reason);
        }

        return false;
    }

    // Renews the claim every third of the lease while the message is in flight; cuts the delivery off if the claim is lost.
    private async Task KeepClaimAsync(OutboxMessage message, Duration lease, CancellationTokenSource inFlight, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease.ToTimeSpan() / 3, done).ConfigureAwait(false);
                if (!await _store!.RenewOutboxClaimAsync(message.Id, message.Claim!, _clock.GetCurrentInstant() + lease, done).ConfigureAwait(false))
                {
                    await inFlight.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The delivery ended.
        }
        catch (Exception e)
        {
            // The store is unreachable: the delivery goes on, and its outcome is fenced when it is recorded.
            LogRenewFailed(_logger, message.Id, PersonalData.MaskText(e.GetBaseException().Message.ReplaceLineEndings(" ")));
        }
    }

    private async Task ReleaseAsync(IEnumerable<OutboxMessage> messages)
    {
        foreach (var m in messages)
        {
            await _store!.RenewOutboxClaimAsync(m.Id, m.Claim!, Instant.MinValue, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_store is null)
        {
            // Not silent: without a store nothing is queued, so nothing can be delivered.
            LogNoStore(_logger);
            return;
        }

        if (_notifiers.Count == 0)
        {
            LogNoNotifier(_logger);
        }

        using var timer = new PeriodicTimer(_options.PollInterval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One line: an unreachable store is expected in operation (a server restarting) and is retried next round.
                LogRoundFailed(_logger, PersonalData.MaskText(e.GetBaseException().Message.ReplaceLineEndings(" ")));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Notification {Id} ({Kind}) failed attempt {Attempts}; retrying in {Wait}: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, string kind, int attempts, TimeSpan wait, string error);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Notification {Id} ({Kind}) failed {Attempts} times and is kept as failed: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long id, string kind, int attempts, string error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Notification {Id} ({Kind}) is claimed by another host since this host's lease ran out; left to it")]
    private static partial void LogClaimLost(ILogger logger, long id, string kind);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Notification {Id} ({Kind}) was delivered after this host's lease ran out and another host claimed it; the receiver may see it twice (same message id)")]
    private static partial void LogDeliveredAfterClaimLost(ILogger logger, long id, string kind);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Could not renew the claim on notification {Id}; the delivery goes on: {Error}")]
    private static partial void LogRenewFailed(ILogger logger, long id, string error);

    // Logged as masked text rather than as the exception object, which log providers would print raw.
    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "No store is registered: notifications are neither kept nor delivered (add a storage plugin, or UseSqliteStorage / UsePostgreSqlStorage)")]
    private static partial void LogNoStore(ILogger logger);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "No notifier is registered: notifications stay queued in the store until one is")]
    private static partial void LogNoNotifier(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "An outbox round failed; the next round retries: {Error}")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
