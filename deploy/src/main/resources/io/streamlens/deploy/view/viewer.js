// The StreamLens viewer: everything the page does, with no library, served from the jar.
'use strict';

const $ = (id) => document.getElementById(id);
const video = $('video');
const state = { streamId: null, captions: [], marks: [], frameMaxSide: 640, streams: [], live: null };

function clock(ms) {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(sec).padStart(2, '0');
}

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  return r.json();
}

const q = (id) => encodeURIComponent(id);

// ---- streams ---------------------------------------------------------------------------------

async function loadStreams() {
  const data = await getJson('/api/streams');
  state.frameMaxSide = data.frameMaxSide;
  state.streams = data.streams;
  const list = $('streams');
  list.replaceChildren(...data.streams.map((s) => {
    const a = el('a', { href: '#stream=' + q(s.streamId), 'data-stream': s.streamId }, s.streamId);
    if (s.streamId === state.streamId) a.className = 'current';
    a.appendChild(el('small', {}, s.captions + ' captions' + (s.chapters ? ', ' + s.chapters + ' chapters' : '')
        + (s.alerts ? ', ' + s.alerts + ' alerts' : '') + (s.file ? '' : s.live ? ' · live' : '')));
    const li = el('li');
    li.appendChild(a);
    return li;
  }));
  if (!state.streamId && data.streams.length) {
    const wanted = new URLSearchParams(location.hash.slice(1)).get('stream');
    const pick = data.streams.find((s) => s.streamId === wanted) || data.streams[0];
    await openStream(pick.streamId);
  }
}

let streamsReload = null;
function reloadStreamsSoon() {
  if (!streamsReload) streamsReload = setTimeout(() => { streamsReload = null; loadStreams(); }, 500);
}

window.addEventListener('hashchange', () => {
  const wanted = new URLSearchParams(location.hash.slice(1)).get('stream');
  if (wanted && wanted !== state.streamId) openStream(wanted);
});

async function openStream(streamId, atMs) {
  if (state.live) state.live.stop();
  state.live = null;
  state.streamId = streamId;
  history.replaceState(null, '', '#stream=' + q(streamId));
  $('stream-title').textContent = streamId;
  $('video-note').textContent = '';
  document.querySelectorAll('#streams a').forEach((a) => a.classList.toggle('current', a.dataset.stream === streamId));
  const [captions, marks] = await Promise.all([getJson('/api/captions?stream=' + q(streamId)), getJson('/api/marks?stream=' + q(streamId))]);
  state.captions = captions;
  state.marks = marks;
  const info = state.streams.find((s) => s.streamId === streamId) || {};
  video.removeAttribute('src');
  if (info.file) {
    video.src = '/api/video?stream=' + q(streamId);
  } else if (info.live) {
    state.live = new LivePlayer(streamId);
  } else {
    $('video-note').textContent = 'No video for this stream here: its file was not given to this command, and no recent segments are in Kafka.';
  }
  reloadSubtitles();
  renderTimeline();
  renderMarks();
  renderCaptions();
  if (atMs !== undefined) seek(atMs);
}

// ---- subtitles, from the server's WebVTT of the captions ---------------------------------------

function reloadSubtitles() {
  video.querySelectorAll('track').forEach((t) => t.remove());
  const track = el('track', { kind: 'subtitles', label: 'StreamLens', srclang: 'en', default: '' });
  track.src = '/api/subtitles.vtt?stream=' + q(state.streamId) + '&n=' + state.captions.length;
  video.appendChild(track);
  track.track.mode = 'showing';
}

// ---- seeking, timeline, lists ------------------------------------------------------------------

// A millisecond past the start, so that the window that begins there is the one on screen
// whatever the rounding of currentTime (the previous window's cue ends where this one begins).
function seek(ms) {
  const go = () => { video.currentTime = (ms + 1) / 1000; drawBoxes(); };
  if (video.readyState >= 1) go(); else video.addEventListener('loadedmetadata', go, { once: true });
}

function totalMs() {
  const ends = state.captions.map((c) => c.endMs).concat(state.marks.map((m) => m.endMs));
  const d = isFinite(video.duration) ? video.duration * 1000 : 0;
  return Math.max(d, ...ends, 1);
}

function renderTimeline() {
  const line = $('timeline');
  const total = totalMs();
  const place = (e, start, end) => {
    e.style.left = (100 * start / total) + '%';
    e.style.width = Math.max(0.3, 100 * (end - start) / total) + '%';
    e.dataset.startMs = start;
    return e;
  };
  const items = [];
  state.captions.forEach((c) => items.push(place(el('div', { class: 'caption', title: clock(c.startMs) + ' ' + c.text }), c.startMs, c.endMs)));
  state.marks.forEach((m) => items.push(place(el('div', { class: m.kind, title: clock(m.startMs) + ' ' + (m.title || m.text) },
      m.kind === 'chapter' ? m.title : undefined), m.startMs, m.endMs)));
  line.replaceChildren($('playhead'), ...items);
  movePlayhead();
}

$('timeline').addEventListener('click', (e) => {
  const rect = $('timeline').getBoundingClientRect();
  const start = e.target.dataset.startMs;
  seek(start !== undefined ? Number(start) : totalMs() * (e.clientX - rect.left) / rect.width);
});

function movePlayhead() {
  $('playhead').style.left = (100 * video.currentTime * 1000 / totalMs()) + '%';
}

function seekLink(text, ms, streamId) {
  const a = el('a', { 'data-start-ms': ms, 'data-stream': streamId || state.streamId }, text);
  a.addEventListener('click', () => {
    if (a.dataset.stream !== state.streamId) openStream(a.dataset.stream, ms); else seek(ms);
  });
  return a;
}

function renderMarks() {
  $('marks').replaceChildren(...state.marks.map((m) => {
    const li = el('li', { class: m.kind });
    li.append(seekLink(clock(m.startMs) + '–' + clock(m.endMs), m.startMs), ' ' + (m.kind === 'alert' ? '⚠ ' : '') + (m.title ? m.title + ': ' : '') + m.text);
    return li;
  }));
}

function renderCaptions() {
  $('captions').replaceChildren(...state.captions.map((c) => {
    const li = el('li', { 'data-start-ms': c.startMs });
    li.append(seekLink(clock(c.startMs) + '–' + clock(c.endMs), c.startMs), ' ' + c.text);
    return li;
  }));
}

// ---- boxes: each window's evidence drawn over the picture while the window plays ---------------

// Windows overlap: the newest one that has begun is the one on screen, as with the subtitles.
function captionAt(ms) {
  let at;
  state.captions.forEach((c) => { if (c.startMs <= ms && ms < c.endMs) at = c; });
  return at;
}

function drawBoxes() {
  const layer = $('boxes');
  const c = captionAt(video.currentTime * 1000);
  document.querySelectorAll('#captions li').forEach((li) => li.classList.toggle('current', c && Number(li.dataset.startMs) === c.startMs));
  if (!c || !c.evidence) { layer.replaceChildren(); return; }
  const boxes = [];
  const objects = (c.evidence.objects && c.evidence.objects.objects) || [];
  objects.forEach((o) => (o.boxes || []).forEach((b) => boxes.push(box('object', b.label, b.x0, b.y0, b.x1, b.y1))));
  // Face boxes are in the pixels of the sampled frame: the source scaled to frameMaxSide, never up.
  const people = c.evidence.people;
  if (people && people.faceBoxes && video.videoWidth) {
    const scale = Math.min(1, state.frameMaxSide / Math.max(video.videoWidth, video.videoHeight));
    const fw = Math.round(video.videoWidth * scale), fh = Math.round(video.videoHeight * scale);
    people.faceBoxes.forEach((r) => boxes.push(box('face', 'face', r.x / fw, r.y / fh, (r.x + r.width) / fw, (r.y + r.height) / fh)));
  }
  layer.replaceChildren(...boxes);
}

function box(kind, label, x0, y0, x1, y1) {
  const b = el('div', { class: 'box ' + kind, 'data-label': label });
  b.style.left = (100 * x0) + '%';
  b.style.top = (100 * y0) + '%';
  b.style.width = (100 * (x1 - x0)) + '%';
  b.style.height = (100 * (y1 - y0)) + '%';
  b.appendChild(el('span', {}, label));
  return b;
}

video.addEventListener('timeupdate', () => { drawBoxes(); movePlayhead(); });
video.addEventListener('seeked', drawBoxes);
video.addEventListener('loadedmetadata', () => { renderTimeline(); drawBoxes(); });
video.addEventListener('error', () => {
  $('video-note').textContent = 'This browser cannot play this video (' + (video.error ? video.error.message || video.error.code : '') + ').';
});

// ---- live video: the newest segments from Kafka, remuxed to fragmented MP4, through MSE -------

class LivePlayer {
  constructor(streamId) {
    this.streamId = streamId;
    this.queue = [];
    this.appended = new Set();
    this.stopped = false;
    this.source = new MediaSource();
    video.src = URL.createObjectURL(this.source);
    this.source.addEventListener('sourceopen', () => this.begin(), { once: true });
  }

  async begin() {
    const held = await getJson('/api/segments?stream=' + q(this.streamId));
    // Start a few seconds behind live: the newest two segments, then each new one as it arrives.
    this.open = true;
    held.slice(-2).forEach((s) => this.enqueue(s));
    this.pump();
  }

  enqueue(segment) {
    if (this.stopped || segment.streamId !== this.streamId || this.appended.has(segment.seq)) return;
    this.appended.add(segment.seq);
    this.queue.push(segment);
    this.queue.sort((a, b) => a.seq - b.seq);
    if (this.open && !this.busy) this.pump();
  }

  async pump() {
    this.busy = true;
    try {
      while (this.queue.length && !this.stopped) {
        const s = this.queue.shift();
        const r = await fetch('/api/segment.mp4?stream=' + q(s.streamId) + '&seq=' + s.seq);
        if (!r.ok) { $('video-note').textContent = await r.text(); continue; }
        const bytes = await r.arrayBuffer();
        if (!this.buffer) {
          this.buffer = this.source.addSourceBuffer(r.headers.get('X-Mime-Type'));
          this.buffer.mode = 'sequence';
        }
        // In sequence mode this places the segment at its own time on the stream's clock.
        this.buffer.timestampOffset = s.startMs / 1000;
        this.buffer.appendBuffer(bytes);
        await new Promise((done) => this.buffer.addEventListener('updateend', done, { once: true }));
        if (video.paused && video.buffered.length) {
          video.currentTime = video.buffered.start(video.buffered.length - 1);
          video.play().catch(() => {});
        }
      }
    } catch (e) {
      $('video-note').textContent = 'live video stopped: ' + e.message;
    } finally {
      this.busy = false;
    }
  }

  stop() { this.stopped = true; }
}

// ---- questions ---------------------------------------------------------------------------------

$('ask').addEventListener('submit', async (e) => {
  e.preventDefault();
  const question = $('question').value.trim();
  if (!question) return;
  const all = $('all-streams').checked;
  const out = $('answer');
  out.replaceChildren(el('p', { class: 'waiting' }, 'asking…'));
  const r = await fetch('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ question, streamId: all ? null : state.streamId }) });
  if (!r.ok) { out.replaceChildren(el('p', { class: 'error' }, await r.text())); return; }
  const answer = await r.json();
  const list = el('ul', { class: 'spans' });
  answer.evidence.forEach((s) => {
    const stream = s.streamId || answer.streamId || state.streamId;
    const li = el('li');
    li.append(seekLink((all ? stream + ' ' : '') + clock(s.startMs) + '–' + clock(s.endMs), s.startMs, stream), ' ' + s.text);
    list.appendChild(li);
  });
  out.replaceChildren(el('p', { class: 'answer-text' }, answer.answer), list);
});

// ---- live updates ------------------------------------------------------------------------------

function follow() {
  const events = new EventSource('/api/events');
  events.onopen = () => { $('status').textContent = 'live'; };
  events.onerror = () => { $('status').textContent = 'reconnecting…'; };
  events.addEventListener('caption', (e) => {
    const c = JSON.parse(e.data);
    reloadStreamsSoon();
    if (c.streamId !== state.streamId || state.captions.some((x) => x.captionId === c.captionId)) return;
    state.captions.push(c);
    state.captions.sort((a, b) => a.startMs - b.startMs);
    reloadSubtitles();
    renderTimeline();
    renderCaptions();
    drawBoxes();
  });
  events.addEventListener('mark', (e) => {
    const m = JSON.parse(e.data);
    reloadStreamsSoon();
    if (m.streamId !== state.streamId || state.marks.some((x) => x.kind === m.kind && x.id === m.id)) return;
    state.marks.push(m);
    state.marks.sort((a, b) => a.startMs - b.startMs);
    renderTimeline();
    renderMarks();
  });
  events.addEventListener('segment', (e) => {
    const s = JSON.parse(e.data);
    if (s.streamId === state.streamId && !state.live && !video.getAttribute('src')) {
      $('video-note').textContent = '';
      state.live = new LivePlayer(s.streamId);
    }
    if (state.live) state.live.enqueue(s);
    else if (!state.streams.some((x) => x.streamId === s.streamId && x.live)) reloadStreamsSoon();
  });
}

follow();
loadStreams();
setInterval(loadStreams, 10000);
