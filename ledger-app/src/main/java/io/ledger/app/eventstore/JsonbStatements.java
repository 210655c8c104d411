package io.ledger.app.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/** Axon's insert statements, casting the JSON text to {@code jsonb}; all events of a unit of work go in one batch. */
final class JsonbStatements {

    private JsonbStatements() {}

    static PreparedStatement appendEvents(
            Connection connection,
            EventSchema schema,
            Class<?> dataType,
            List<? extends EventMessage<?>> events,
            Serializer serializer,
            TimestampWriter timestampWriter)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insert(schema, schema.domainEventTable()));
        for (EventMessage<?> event : events) {
            bind(statement, asDomainEvent(event), dataType, serializer, timestampWriter);
            statement.addBatch();
        }
        return statement;
    }

    static PreparedStatement appendSnapshot(
            Connection connection,
            EventSchema schema,
            Class<?> dataType,
            DomainEventMessage<?> snapshot,
            Serializer serializer,
            TimestampWriter timestampWriter)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insert(schema, schema.snapshotTable()));
        bind(statement, snapshot, dataType, serializer, timestampWriter);
        return statement;
    }

    private static String insert(EventSchema schema, String table) {
        // domainEventFields(): event id, aggregate id, sequence, type, timestamp, payload type, revision, payload,
        // metadata
        return "INSERT INTO " + table + " (" + schema.domainEventFields()
                + ") VALUES (?,?,?,?,?,?,?,?::jsonb,?::jsonb)";
    }

    private static void bind(
            PreparedStatement statement,
            DomainEventMessage<?> event,
            Class<?> dataType,
            Serializer serializer,
            TimestampWriter timestampWriter)
            throws SQLException {
        SerializedObject<?> payload = event.serializePayload(serializer, dataType);
        SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
        statement.setString(1, event.getIdentifier());
        statement.setString(2, event.getAggregateIdentifier());
        statement.setLong(3, event.getSequenceNumber());
        statement.setString(4, event.getType());
        timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setString(8, (String) payload.getData());
        statement.setString(9, (String) metaData.getData());
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
