// The framework's floor: a bare NestJS application on the Fastify adapter, the same NestJS,
// adapter and Fastify as the API, one controller and nothing of ours. With FLOOR_ANSWERS (see
// floor.mjs) it also answers, on each path given there, the status, headers and body given.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../apps/api/package.json', import.meta.url));
await import(require.resolve('reflect-metadata'));
const { Controller, Get, Module, Req, Res } = await import(require.resolve('@nestjs/common'));
const { NestFactory } = await import(require.resolve('@nestjs/core'));
const { FastifyAdapter } = await import(require.resolve('@nestjs/platform-fastify'));

const floor = JSON.parse(process.env.FLOOR_ANSWERS ?? '{}');

class HelloController {
  hello() {
    return { hello: 'world' };
  }

  /** As the API's handlers that write their reply (TenantController): @Res, headers, send. */
  floor(request, reply) {
    const { status, headers, body } = floor[request.url];
    void reply.status(status).headers(headers).send(body);
  }
}
const decorateMethod = (decorators, name) =>
  Reflect.decorate(
    decorators,
    HelloController.prototype,
    name,
    Object.getOwnPropertyDescriptor(HelloController.prototype, name),
  );
decorateMethod([Get()], 'hello');
const floorPaths = Object.keys(floor);
if (floorPaths.length) {
  decorateMethod([Get(floorPaths.map((p) => p.slice(1)))], 'floor');
  Req()(HelloController.prototype, 'floor', 0);
  Res()(HelloController.prototype, 'floor', 1);
}
Reflect.decorate([Controller()], HelloController);
class HelloModule {}
Reflect.decorate([Module({ controllers: [HelloController] })], HelloModule);

const app = await NestFactory.create(HelloModule, new FastifyAdapter({ logger: false }), {
  logger: false,
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
