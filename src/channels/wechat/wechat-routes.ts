/**
 * @module channels/wechat/wechat-routes
 * `GET /channels/wechat`: the server-verification handshake (echoes `echostr` when signed).
 * `POST /channels/wechat`: a message in, the passive reply out. The signature is checked before
 * the body is read; a bad one, or one signed more than 5 minutes from now, is 401 and nothing is
 * stored, and so is a signature reused for another message. The body is at most 64 KiB of UTF-8
 * XML; anything else, an oversized body included, is 400 (as issue 6 asks of this channel).
 */
import { TextDecoder } from 'node:util';
import { readRawBody } from '../../http/body';
import { HttpError } from '../../http/respond';
import type { Route, RouteRequest } from '../../http/router';
import { SECURITY_HEADERS } from '../../http/static-files';
import { SignatureBindings } from './signature-bindings';
import { parseWechatMessage, wechatMessageId } from './wechat-message';
import { passiveTextXml } from './wechat-reply';
import { freshWechatTimestamp, hasValidWechatSignature, MAX_SKEW_SECONDS } from './wechat-signature';
import type { WechatTurns } from './wechat-turns';
import { WechatXmlError } from './wechat-xml';

export const WECHAT_PATH = '/channels/wechat';
/** WeChat's messages are a few hundred bytes; a text is at most 2,048. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_ECHOSTR_LENGTH = 512;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function sendText(res: RouteRequest['res'], contentType: string, body: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** The body, at most `MAX_BODY_BYTES`; more is a 400 like any other message WeChat would never send. */
async function readBody(request: RouteRequest): Promise<Buffer> {
  try {
    return await readRawBody(request.req, MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof HttpError && err.status === 413) {
      throw new HttpError(400, 'KEFU_BAD_REQUEST', `The message is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
    }
    throw err;
  }
}

const unsigned = (): HttpError => new HttpError(401, 'KEFU_AUTH', 'The WeChat signature is missing, wrong or expired.');

/** The signed timestamp (Unix seconds) of a request whose signature is right and recent. */
function checkSignature({ req, url }: RouteRequest, token: string): number {
  const timestamp = freshWechatTimestamp(url.searchParams);
  if (timestamp !== undefined && hasValidWechatSignature(token, url.searchParams)) return timestamp;
  req.resume(); // the body is discarded unread
  throw unsigned();
}

function readMessage(raw: Buffer) {
  let source: string;
  try {
    source = utf8.decode(raw);
  } catch {
    throw new HttpError(400, 'KEFU_BAD_REQUEST', 'The body is not UTF-8.');
  }
  try {
    return parseWechatMessage(source);
  } catch (err) {
    if (err instanceof WechatXmlError) throw new HttpError(400, 'KEFU_BAD_REQUEST', `Not a WeChat message: ${err.message}.`);
    throw err;
  }
}

export function wechatRoutes(token: string, turns: WechatTurns): Route[] {
  const bindings = new SignatureBindings({ windowSeconds: MAX_SKEW_SECONDS });
  return [
    {
      method: 'GET',
      path: WECHAT_PATH,
      handle(request) {
        checkSignature(request, token);
        const echostr = request.url.searchParams.get('echostr');
        if (!echostr || echostr.length > MAX_ECHOSTR_LENGTH) throw new HttpError(400, 'KEFU_BAD_REQUEST', 'echostr is missing.');
        sendText(request.res, 'text/plain; charset=utf-8', echostr);
      },
    },
    {
      method: 'POST',
      path: WECHAT_PATH,
      async handle(request) {
        const timestamp = checkSignature(request, token);
        const message = readMessage(await readBody(request));
        const openid = request.url.searchParams.get('openid');
        if (openid !== null && openid !== message.openId) {
          throw new HttpError(400, 'KEFU_BAD_REQUEST', 'openid does not match the message sender.');
        }
        // The signature does not cover the body: it signs only the message it first came with.
        const bound = bindings.bind(request.url.searchParams.get('signature')!.toLowerCase(), timestamp, `${message.openId}\n${wechatMessageId(message)}`);
        if (bound === 'reused') throw unsigned();
        if (bound === 'full') throw new HttpError(503, 'KEFU_UNAVAILABLE', 'Too many messages at once. Please retry.');
        const text = await turns.answer(message);
        if (text === '') {
          // WeChat's way of saying "no reply": it neither retries nor shows an error.
          sendText(request.res, 'text/plain; charset=utf-8', 'success');
          return;
        }
        sendText(
          request.res,
          'application/xml; charset=utf-8',
          passiveTextXml({ toUser: message.openId, fromUser: message.account, text }),
        );
      },
    },
  ];
}
