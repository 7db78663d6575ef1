// The peer for the load tool's side-by-side run: the Bot Framework JavaScript SDK 4.23.3 as its samples build a bot.
// CloudAdapter over /api/messages validates the channel's token against the load tool's fake Azure Bot Service
// (the same metadata, keys and signed token our Teams leg validates), a seven-step waterfall of text prompts keeps
// its state in memory, and every reply is POSTed to the fake Bot Connector. Only the outgoing Entra token is a fixed
// one, as in our teams-host mode.
//
// node bot.js <port> <openid-metadata-url> <app-id>
'use strict';

const http = require('node:http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, ActivityHandler } = require('botbuilder');
const { ServiceClientCredentialsFactory } = require('botframework-connector');
const { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } = require('botbuilder-dialogs');

const [port, metadataUrl, appId] = process.argv.slice(2);

class FixedCredentials extends ServiceClientCredentialsFactory {
    async isValidAppId(id) { return id === appId; }
    async isAuthenticationDisabled() { return false; }
    async createCredentials() {
        return { signRequest: async (request) => { request.headers.set('Authorization', 'Bearer load-tool-connector-token'); return request; } };
    }
}

const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppType: 'MultiTenant',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    OAuthUrl: 'https://api.botframework.com',
    ValidateAuthority: true,
}, new FixedCredentials());
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
    console.error(error);
    await context.sendActivity('抱歉，出错了。');
};

const state = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(state.createProperty('dialog'));
dialogs.add(new TextPrompt('text'));
const questions = ['需要招聘什么岗位？', '对工种和经验有什么要求？', '请问企业全称是什么？', '请问联系人怎么称呼？', '请留一个联系电话。', '请核对以上信息，确认后回复“确认提交”。'];
dialogs.add(new WaterfallDialog('intake', [
    ...questions.map((question) => async (step) => step.prompt('text', question)),
    async (step) => {
        await step.context.sendActivity('已提交，诉求编号 YQ' + Date.now() + '，我们会在 1 个工作日内联系您。');
        return step.endDialog();
    },
]));

class Bot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            const dc = await dialogs.createContext(context);
            const result = await dc.continueDialog();
            if (result.status === DialogTurnStatus.empty) {
                await dc.beginDialog('intake');
            }
            await next();
        });
    }

    async run(context) {
        await super.run(context);
        await state.saveChanges(context, false);
    }
}
const bot = new Bot();

// restify's request and response, as CloudAdapter.process reads them, over node:http.
http.createServer((req, res) => {
    if (req.method === 'GET') {
        res.writeHead(200).end('ok');
        return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
        req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const reply = {
            socket: res.socket,
            statusCode: 200,
            status(code) { this.statusCode = code; return this; },
            header(name, value) { res.setHeader(name, value); return this; },
            send(body) {
                if (body !== undefined) {
                    res.setHeader('Content-Type', 'application/json');
                    res.writeHead(this.statusCode).end(typeof body === 'string' ? body : JSON.stringify(body));
                } else {
                    res.writeHead(this.statusCode).end();
                }
                return this;
            },
            end() { if (!res.writableEnded) { res.writeHead(this.statusCode).end(); } return this; },
        };
        adapter.process(req, reply, (context) => bot.run(context)).catch((error) => {
            console.error(error);
            if (!res.headersSent) { res.writeHead(500).end(); }
        });
    });
}).listen(Number(port), '127.0.0.1', () => console.error(`peer listening on ${port}`));
