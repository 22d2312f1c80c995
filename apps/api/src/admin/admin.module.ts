import { Module } from '@nestjs/common';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { AdminLogin } from './admin-login.usecase.js';
import { AdminController } from './admin.controller.js';

@Module({ controllers: [AdminController], providers: [AdminLogin, AdminAuthGuard] })
export class AdminModule {}
