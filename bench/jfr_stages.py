"""Where a profile's samples went: each sample of an HTTP thread is counted in the innermost stage of a request it was in
(token, idempotency, command, answer, ...), every other thread by its name. Reads a JFR recording printed as JSON
(`jfr print --json`), or with --collapsed async-profiler's collapsed stacks recorded with its `threads` option (one
line a stack, root first, the thread's name as the first frame, the count last)."""
import collections
import json
import re
import sys

# (stage, frame): a sample belongs to the innermost of these frames on its stack.
STAGES = [
    ("tomcat and filters outside security", "org/apache/catalina/connector/CoyoteAdapter.service"),
    ("security chain", "org/springframework/security/web/FilterChainProxy.doFilterInternal"),
    ("token read from the request", "org/springframework/security/oauth2/server/resource/web/authentication/BearerTokenAuthenticationConverter.convert"),
    ("token checked", "org/springframework/security/authentication/ProviderManager.authenticate"),
    ("scopes authorized", "org/springframework/security/web/access/intercept/AuthorizationFilter.doFilter"),
    ("idempotency filter", "io/ledger/command/idempotency/IdempotencyFilter.doFilterInternal"),
    ("idempotency key claimed", "io/ledger/command/idempotency/IdempotencyStore.claim"),
    ("idempotency answer stored", "io/ledger/command/idempotency/IdempotencyStore.save"),
    ("spring mvc", "org/springframework/web/servlet/DispatcherServlet.doDispatch"),
    ("request body read", "org/springframework/http/converter/AbstractJacksonHttpMessageConverter.read"),
    ("bean validation", "org/springframework/validation/beanvalidation/SpringValidatorAdapter.validate"),
    ("axon command dispatch", "org/axonframework/commandhandling/gateway/DefaultCommandGateway.send"),
    ("command handler", "io/ledger/command/payment/PaymentCommandHandler.handle"),
    ("unit of work commit (events stored)", "org/axonframework/messaging/unitofwork/AbstractUnitOfWork.commit"),
    ("answer folded", "io/ledger/command/payment/PaymentResources.created"),
    ("transaction commit", "org/springframework/transaction/support/AbstractPlatformTransactionManager.commit"),
    ("answer written", "org/springframework/http/converter/AbstractJacksonHttpMessageConverter.writeInternal"),
]


def stage_of(frames):
    for frame in frames:  # innermost first
        for stage, marker in STAGES:
            if frame == marker:
                return stage
    return "http thread, elsewhere"


def count(counts, thread, frames_innermost_first, weight=1):
    if thread.startswith("http"):
        counts[stage_of(frames_innermost_first)] += weight
    else:
        counts["thread " + re.sub(r"[-#]\d+$", "", thread)] += weight


def collapsed(path):
    counts = collections.Counter()
    for line in open(path):
        stack, _, weight = line.rstrip("\n").rpartition(" ")
        frames = stack.split(";")
        # async-profiler names the thread "[name tid=N]"; frames of JIT-compiled code may end in "_[j]" and the like
        thread = re.sub(r" tid=\d+\]$", "", frames[0]).lstrip("[")
        methods = [re.sub(r"_\[.\]$", "", frame) for frame in reversed(frames[1:])]
        count(counts, thread, methods, int(weight))
    return counts


def jfr(path):
    events = json.load(open(path))["recording"]["events"]
    counts = collections.Counter()
    for event in events:
        thread = event["values"]["sampledThread"]["javaName"] or "?"
        frames = [f["method"]["type"]["name"] + "." + f["method"]["name"]
                  for f in event["values"]["stackTrace"]["frames"]]
        count(counts, thread, frames)
    return counts


def main(args):
    counts = collapsed(args[1]) if args[0] == "--collapsed" else jfr(args[0])
    total = sum(counts.values())
    print(f"{total} samples")
    for name, samples in counts.most_common():
        print(f"{100.0 * samples / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
