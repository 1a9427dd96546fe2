/**
 * Sockets opened by the page before React starts: an inline script in the served HTML
 * ({@link earlySocketsScript}) connects to the book's and the first chapter's rooms while the
 * scripts still load, keeping what the server sends; when the y-websocket providers are created,
 * {@link AdoptingWebSocket} hands each the socket already open for its URL instead of dialling
 * again. A socket that failed, or a URL nobody opened early, gets a new WebSocket as usual.
 */

/** Where the inline script leaves its sockets (and each one's messages so far). */
const REGISTRY = '__quireEarlySockets';

interface EarlySocket {
  socket: WebSocket;
  /** Messages received before a provider took the socket; null once it has. */
  queue: MessageEvent[] | null;
}

/**
 * The inline script's source: opens `urls` at once. `urls` are full websocket URLs, built the way
 * y-websocket builds them (`<server>/<room>?token=<token>`). Serialized with JSON, so nothing in
 * them can break out of the script.
 */
export function earlySocketsScript(rooms: string[], token: string, syncPort: number, syncUrl?: string): string {
  return `(function(){try{
var base=${JSON.stringify(syncUrl ?? null)}||((location.protocol==='https:'?'wss':'ws')+'://'+location.hostname+':'+${JSON.stringify(syncPort)});
var rooms=${JSON.stringify(rooms)},token=${JSON.stringify(token)},registry=window.${REGISTRY}={};
rooms.forEach(function(room){
  var url=base+'/'+room+'?token='+encodeURIComponent(token);
  var socket=new WebSocket(url);socket.binaryType='arraybuffer';
  var entry={socket:socket,queue:[]};
  socket.addEventListener('message',function(event){if(entry.queue)entry.queue.push(event);});
  registry[url]=entry;
});
performance.mark('quire:early-sockets');
}catch(e){}})();`;
}

/**
 * A WebSocket constructor for y-websocket's `WebSocketPolyfill`: the socket the page opened early
 * for this URL, if it is still connecting or open, else a new one.
 */
export const AdoptingWebSocket = function AdoptingWebSocket(url: string, protocols?: string | string[]) {
  const registry = (window as unknown as Record<string, Record<string, EarlySocket> | undefined>)[REGISTRY];
  const early = registry?.[url];
  if (registry) delete registry[url];
  if (!early || early.socket.readyState > WebSocket.OPEN) return new WebSocket(url, protocols);
  return adopt(early);
} as unknown as typeof WebSocket;

/**
 * Wraps an early socket so a provider that sets its handlers after the fact still gets the `open`
 * event (if it already happened) and every message received so far, in order, before new ones.
 */
function adopt(early: EarlySocket): WebSocket {
  const { socket } = early;
  let onopen: ((event: Event) => void) | null = null;
  let onmessage: ((event: MessageEvent) => void) | null = null;
  // Handlers are set right after construction; hand over once they are, in a later task.
  setTimeout(() => {
    if (socket.readyState === WebSocket.OPEN) onopen?.(new Event('open'));
    else socket.onopen = (event) => onopen?.(event);
    const queued = early.queue ?? [];
    early.queue = null;
    for (const event of queued) onmessage?.(event);
    socket.onmessage = (event) => onmessage?.(event);
  }, 0);
  return new Proxy(socket, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, property, value) {
      if (property === 'onopen') onopen = value;
      else if (property === 'onmessage') onmessage = value;
      else Reflect.set(target, property, value, target);
      return true;
    },
  });
}
