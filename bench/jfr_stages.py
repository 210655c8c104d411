"""Where a JFR recording's execution samples went: each sample of an HTTP thread is counted in the innermost stage of a
request it was in (token, idempotency, command, answer, ...), every other thread by its name."""
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


def main(path):
    events = json.load(open(path))["recording"]["events"]
    counts = collections.Counter()
    for event in events:
        thread = event["values"]["sampledThread"]["javaName"] or "?"
        if thread.startswith("http"):
            frames = [f["method"]["type"]["name"] + "." + f["method"]["name"]
                      for f in event["values"]["stackTrace"]["frames"]]
            counts[stage_of(frames)] += 1
        else:
            counts["thread " + re.sub(r"-\d+$", "", thread)] += 1
    total = len(events)
    print(f"{total} samples")
    for name, count in counts.most_common():
        print(f"{100.0 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
