// The chat page: an anonymous identity kept in this browser, so reloading the page resumes the same conversation.
(function () {
  'use strict';

  var storageKey = 'youqiubiying.chat';
  var status = document.getElementById('status');

  function show(message) {
    status.textContent = message;
    status.hidden = false;
  }

  function remembered() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || '{}') || {};
    } catch (e) {
      return {};
    }
  }

  async function start() {
    if (!window.WebChat) {
      show('对话组件未能加载，请刷新页面重试。');
      return;
    }

    var saved = remembered();
    var response = await fetch('api/webchat/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: saved.userId || null, userKey: saved.userKey || null, conversationId: saved.conversationId || null })
    });
    if (response.status === 429) {
      show('访问过于频繁，请稍候片刻再刷新页面。');
      return;
    }

    if (!response.ok) {
      show('暂时无法连接服务，请稍后刷新页面重试。');
      return;
    }

    var session = await response.json();
    window.localStorage.setItem(storageKey, JSON.stringify({ userId: session.userId, userKey: session.userKey, conversationId: session.conversationId }));

    // Web Chat marks a refused message only "发送失败" (after 20 s) and never says why; when it was refused for
    // being sent too fast (429), say so at once. Direct Line's requests are XMLHttpRequests; this only listens.
    var open = window.XMLHttpRequest.prototype.open;
    var refusedAt = 0;
    window.XMLHttpRequest.prototype.open = function (method, url) {
      if (/\/(activities|upload)$/.test(String(url).split('?')[0])) {
        var sentAt = Date.now();
        this.addEventListener('load', function () {
          if (this.status === 429) {
            refusedAt = Date.now();
            show('您发送消息的速度过快，请稍候片刻；未发出的消息可点击“重试”再次发送。');
          } else if (this.status >= 200 && this.status < 300 && sentAt > refusedAt) {
            status.hidden = true; // a message sent after the refusal went through
          }
        });
      }

      return open.apply(this, arguments);
    };

    var options = { domain: new URL('v3/directline', window.location.href).href, token: session.token, webSocket: true };
    if (session.resume) {
      options.conversationId = session.conversationId;
    }

    window.WebChat.renderWebChat({
      directLine: window.WebChat.createDirectLine(options),
      userID: session.userId,
      username: '企业用户',
      locale: 'zh-CN',
      styleOptions: {
        accent: '#174a8b',
        botAvatarInitials: '助',
        userAvatarInitials: '企',
        bubbleBackground: '#f1f4f8',
        bubbleBorderRadius: 8,
        bubbleFromUserBackground: '#174a8b',
        bubbleFromUserTextColor: '#ffffff',
        bubbleFromUserBorderRadius: 8,
        suggestedActionBorderRadius: 16,
        suggestedActionLayout: 'flow',
        primaryFont: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
        sendBoxPlaceholder: '请输入您的诉求，例如：想在园区再找二十亩工业用地',
        hideUploadButton: true
      }
    }, document.getElementById('webchat'));
  }

  start().catch(function () {
    show('暂时无法连接服务，请稍后刷新页面重试。');
  });
})();
