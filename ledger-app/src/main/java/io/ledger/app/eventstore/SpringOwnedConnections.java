package io.ledger.app.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store's connections. Inside a Spring transaction, the transaction's own connection, which only Spring
 * commits or rolls back: Axon's unit-of-work wrapper rolls the connection back when a command fails, which would end
 * the caller's whole transaction, not just the command's part of it (a batch item rolled back to its savepoint, say).
 * Outside one, Axon's wrapper, so that a unit of work still uses one connection throughout.
 */
final class SpringOwnedConnections implements ConnectionProvider {

    private final ConnectionProvider transactional;
    private final ConnectionProvider perUnitOfWork;

    SpringOwnedConnections(DataSource dataSource) {
        this.transactional = new SpringDataSourceConnectionProvider(dataSource);
        this.perUnitOfWork = new UnitOfWorkAwareConnectionProviderWrapper(transactional);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? transactional.getConnection()
                : perUnitOfWork.getConnection();
    }
}
