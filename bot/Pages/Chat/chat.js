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

    // A message the server refused is marked "发送失败" by Web Chat; say why when it was sent too fast.
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' && action.payload && action.payload.status === 429) {
            show('您发送消息的速度过快，请稍候片刻，再点击“重试”。');
          } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED') {
            status.hidden = true;
          }

          return next(action);
        };
      };
    });

    var options = { domain: new URL('v3/directline', window.location.href).href, token: session.token, webSocket: true };
    if (session.resume) {
      options.conversationId = session.conversationId;
    }

    window.WebChat.renderWebChat({
      directLine: window.WebChat.createDirectLine(options),
      store: store,
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
