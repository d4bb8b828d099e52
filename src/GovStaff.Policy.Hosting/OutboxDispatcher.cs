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

    /// <summary>Delivers one round: everything due now. Returns how many messages were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null || _notifiers.Count == 0)
        {
            return 0;
        }

        var now = _clock.GetCurrentInstant();
        var delivered = 0;
        foreach (var message in await _store.ClaimOutboxAsync(_host, _options.BatchSize, now, Duration.FromTimeSpan(_options.Lease), cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var notification = GovStaffJson.Deserialize<Notification>(message.Json);
                foreach (var notifier in _notifiers)
                {
                    await _pipeline.ExecuteAsync(async ct => await notifier.DeliverAsync(notification, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                }

                await _store.CompleteOutboxAsync(message.Id, cancellationToken).ConfigureAwait(false);
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var permanent = attempts >= _options.MaxAttempts;
                var wait = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.Backoff.Ticks * (1L << Math.Min(attempts - 1, 30))));

                // An endpoint's error may echo what it was sent; the stored reason and the log get it masked (Art. 20).
                var reason = PersonalData.MaskText(e.Message);
                // The wait counts from this failure, not from the start of the round: in a slow round the last
                // messages would otherwise be due again at once.
                var failedAt = _clock.GetCurrentInstant();
                await _store.FailOutboxAsync(message.Id, reason, failedAt + Duration.FromTimeSpan(wait), permanent, cancellationToken).ConfigureAwait(false);
                if (permanent)
                {
                    LogGaveUp(_logger, message.Id, message.Kind, attempts, reason);
                }
                else
                {
                    LogRetry(_logger, message.Id, message.Kind, attempts, wait, reason);
                }
            }
        }

        return delivered;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_store is null)
        {
            return;
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

    // Logged as masked text rather than as the exception object, which log providers would print raw.
    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "An outbox round failed; the next round retries: {Error}")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
