// The live payment feed (GET /api/payments/feed, text/event-stream). EventSource cannot send an Authorization header,
// so the stream is read with fetch() and parsed here: events are separated by a blank line, each line "field: value".

/** Parses the complete events in `buffer`; answers [events, the unfinished rest]. */
export function parseEvents(buffer) {
  const events = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop();
  for (const block of blocks) {
    const event = { event: 'message', data: '', id: null };
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') event.event = value;
      else if (field === 'id') event.id = value;
    }
    if (data.length > 0) {
      event.data = data.join('\n');
      events.push(event);
    }
  }
  return [events, rest];
}

/**
 * Follows the feed until `signal` aborts, reconnecting after a pause when the stream ends or fails. `onState` hears
 * true once subscribed, false when the stream is down; `onEvent` hears each event.
 */
export async function follow(token, onEvent, onState, signal) {
  while (!signal.aborted) {
    try {
      const answer = await fetch('/api/payments/feed', {
        headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
        signal,
      });
      if (answer.status === 401 || answer.status === 403) {
        onState(false, answer.status);
        return;
      }
      if (!answer.ok || !answer.body) throw new Error('feed: HTTP ' + answer.status);
      onState(true);
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const [events, rest] = parseEvents(buffer + value);
        buffer = rest;
        events.forEach(onEvent);
      }
    } catch (e) {
      if (signal.aborted) return;
    }
    onState(false);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
