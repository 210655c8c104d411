-- Which charge attempt a simulated asynchronous charge completes: the payment records the completion only while that
-- attempt is still processing, so a completion that comes late or twice (from any instance) changes nothing. NULL for
-- rows stored before: the attempt under way.
ALTER TABLE simulated_async_charge ADD COLUMN attempt INTEGER;
