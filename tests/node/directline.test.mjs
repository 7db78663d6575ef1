// botframework-directlinejs 0.15.8 — the library inside Web Chat — against our Direct Line server.
// Run by the .NET suite (tests/Channels/DirectLine/DirectLineClientTests.cs) with BASE_URL and SECRET set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

globalThis.XMLHttpRequest = XMLHttpRequest;
globalThis.WebSocket = WebSocket;
const require = createRequire(import.meta.url);
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const base = process.env.BASE_URL;
const domain = `${base}/v3/directline`;

async function tokenFor(user) {
  const response = await fetch(`${domain}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.SECRET}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: user, name: '刘洋' } })
  });
  assert.equal(response.status, 200);
  return response.json();
}

// Collects activities until one satisfies the predicate (or fails after 20 s).
function until(directLine, predicate, seen = []) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; saw: ${seen.map(a => a.text ?? a.type).join(' | ')}`)), 20000);
    const subscription = directLine.activity$.subscribe(activity => {
      seen.push(activity);
      if (predicate(activity)) {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve(seen);
      }
    }, reject);
  });
}

function status(directLine, wanted) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`status ${wanted} not reached`)), 20000);
    const subscription = directLine.connectionStatus$.subscribe(s => {
      if (s === wanted) {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve(s);
      }
    });
  });
}

function post(directLine, user, text) {
  return new Promise((resolve, reject) =>
    directLine.postActivity({ type: 'message', from: { id: user }, text, locale: 'zh-CN' }).subscribe(resolve, reject));
}

for (const webSocket of [true, false]) {
  test(`start, send and receive ${webSocket ? 'over the WebSocket' : 'by polling'}`, async () => {
    const user = `dl_node_${webSocket ? 'ws' : 'poll'}`;
    const { token } = await tokenFor(user);
    const directLine = new DirectLine({ token, domain, webSocket, pollingInterval: 200 });
    const welcome = until(directLine, a => (a.text ?? '').startsWith('您好，我是'));
    await welcome;

    const replies = until(directLine, a => (a.text ?? '').includes('新员工最晚什么时候需要到岗'));
    const id = await post(directLine, user, '招20个普工');
    const seen = await replies;

    const echo = seen.find(a => a.id === id);
    assert.ok(echo, 'the echo of the posted message arrives with the id the post returned');
    assert.equal(echo.from.id, user);
    assert.ok(seen.indexOf(echo) < seen.findIndex(a => (a.text ?? '').includes('新员工最晚什么时候需要到岗')), 'echo before the replies');
    directLine.end();
  });
}

test('a reconnect with a watermark resumes after it', async () => {
  const user = 'dl_node_resume';
  const { token, conversationId } = await tokenFor(user);
  const first = new DirectLine({ token, domain, webSocket: true });
  const seen = await until(first, a => (a.text ?? '').startsWith('您可以直接描述诉求'));
  const watermark = seen.at(-1).id.split('|')[1].replace(/^0+/, '');
  first.end();

  const second = new DirectLine({ token, domain, conversationId, watermark, webSocket: true });
  const later = until(second, a => a.text === '请问贵企业的全称是？' || (a.text ?? '').includes('资金'));
  await post(second, user, '想申请贷款贴息');
  const resumed = await later;
  assert.ok(!resumed.some(a => (a.text ?? '').startsWith('您好，我是')), 'nothing before the watermark is replayed');
  second.end();
});

test('a token refreshes, and a forged token never connects', async () => {
  const { token } = await tokenFor('dl_node_refresh');
  const refreshed = await fetch(`${domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  assert.equal(refreshed.status, 200);
  const fresh = (await refreshed.json()).token;
  assert.ok(fresh.length > 20);

  const forged = new DirectLine({ token: fresh.slice(0, -6) + 'AAAAAA', domain, webSocket: true });
  forged.activity$.subscribe(() => {}, () => {});
  await status(forged, ConnectionStatus.FailedToConnect);
  forged.end();

  const refusedRefresh = await fetch(`${domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: 'Bearer expired.or.forged' } });
  assert.equal(refusedRefresh.status, 403);
});
