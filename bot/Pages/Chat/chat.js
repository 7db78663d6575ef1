// The chat page: an anonymous identity kept in this browser, so reloading the page resumes the same conversation.
(function () {
  'use strict';

  var storageKey = 'youqiubiying.chat';
  var status = document.getElementById('status');

  // The page follows the browser's language: Chinese by default, English when the browser asks for English first.
  var english = /^en\b/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');
  var locale = english ? 'en-US' : 'zh-CN';
  var words = english ? {
    title: '有求必应 · Enterprise service assistant',
    heading: '有求必应 · Enterprise service assistant',
    strap: 'Requests on land, financing, hiring, approvals, energy, technology, policy and markets: filed, handled on time, answered here',
    footer: 'Provided by the Business Environment Service Centre. Please do not send classified information in the chat.',
    noWidget: 'The chat component did not load. Please reload the page.',
    busy: 'Too many visits at once. Please wait a moment, then reload the page.',
    down: 'The service cannot be reached right now. Please reload the page in a while.',
    tooFast: 'You are sending messages too fast. Please wait a moment; a message that was not sent can be sent again with “Retry”.',
    placeholder: 'Type your request, e.g. we need 20 mu of industrial land in the park',
    user: 'Enterprise user'
  } : {
    noWidget: '对话组件未能加载，请刷新页面重试。',
    busy: '访问过于频繁，请稍候片刻再刷新页面。',
    down: '暂时无法连接服务，请稍后刷新页面重试。',
    tooFast: '您发送消息的速度过快，请稍候片刻；未发出的消息可点击“重试”再次发送。',
    placeholder: '请输入您的诉求，例如：想在园区再找二十亩工业用地',
    user: '企业用户'
  };

  if (english) {
    document.documentElement.lang = 'en';
    document.title = words.title;
    document.querySelector('.desk-header h1').textContent = words.heading;
    document.querySelector('.desk-header p').textContent = words.strap;
    document.querySelector('.desk-footer').textContent = words.footer;
    document.getElementById('webchat').setAttribute('aria-label', 'Enterprise service chat');
  }

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
      show(words.noWidget);
      return;
    }

    var saved = remembered();
    var response = await fetch('api/webchat/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: saved.userId || null, userKey: saved.userKey || null, conversationId: saved.conversationId || null, locale: locale })
    });
    if (response.status === 429) {
      show(words.busy);
      return;
    }

    if (!response.ok) {
      show(words.down);
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
            show(words.tooFast);
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
      username: words.user,
      locale: locale,
      // Web Chat takes the send box's placeholder from its localized strings, not from the style options.
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: words.placeholder },
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
        hideUploadButton: true
      }
    }, document.getElementById('webchat'));
  }

  start().catch(function () {
    show(words.down);
  });
})();
