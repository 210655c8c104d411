package io.ledger.app.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * A worker's command gateway that counts what it sends, by a key the test picks (a payment id, a Stripe event id),
 * then hands every call to the application's own gateway: the counts say how often each row was worked, which the
 * events alone cannot (a repeated fact records nothing).
 */
public final class CountingCommands {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final CommandGateway gateway;

    public CountingCommands(CommandGateway delegate, Function<Object, String> key) {
        this.gateway = (CommandGateway) Proxy.newProxyInstance(
                CommandGateway.class.getClassLoader(), new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("send") && args != null && args.length > 0) {
                        Object command = args[0] instanceof CommandMessage<?> message ? message.getPayload() : args[0];
                        counts.computeIfAbsent(key.apply(command), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public CommandGateway gateway() {
        return gateway;
    }

    /** How many commands were sent per key. */
    public Map<String, Integer> counts() {
        Map<String, Integer> copy = new ConcurrentHashMap<>();
        counts.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The counts of several gateways added up: how often each key was worked, by whichever instance. */
    public static Map<String, Integer> together(CountingCommands... gateways) {
        Map<String, Integer> sum = new ConcurrentHashMap<>();
        for (CountingCommands gateway : gateways) {
            gateway.counts().forEach((key, count) -> sum.merge(key, count, Integer::sum));
        }
        return sum;
    }
}
