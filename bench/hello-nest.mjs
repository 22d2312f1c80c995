// The framework's floor: a bare NestJS application on the Fastify adapter, the same NestJS,
// adapter and Fastify as the API, one controller and nothing of ours.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../apps/api/package.json', import.meta.url));
await import(require.resolve('reflect-metadata'));
const { Controller, Get, Module } = await import(require.resolve('@nestjs/common'));
const { NestFactory } = await import(require.resolve('@nestjs/core'));
const { FastifyAdapter } = await import(require.resolve('@nestjs/platform-fastify'));

class HelloController {
  hello() {
    return { hello: 'world' };
  }
}
Reflect.decorate(
  [Get()],
  HelloController.prototype,
  'hello',
  Object.getOwnPropertyDescriptor(HelloController.prototype, 'hello'),
);
Reflect.decorate([Controller()], HelloController);
class HelloModule {}
Reflect.decorate([Module({ controllers: [HelloController] })], HelloModule);

const app = await NestFactory.create(HelloModule, new FastifyAdapter({ logger: false }), {
  logger: false,
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
